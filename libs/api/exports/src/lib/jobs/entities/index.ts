import { ExportJobChunkEntity } from './export-job-chunk.entity';
import { ExportJobEntity } from './export-job.entity';

export { ExportJobChunkEntity, ExportJobEntity };

/** The background export queue and its files, registered by ExportsModule. */
export const EXPORT_JOB_ENTITIES = [ExportJobEntity, ExportJobChunkEntity];
