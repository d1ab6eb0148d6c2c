import { ExportJobChunkEntity } from './export-job-chunk.entity';
import { ExportJobEntity } from './export-job.entity';

export { ExportJobChunkEntity, ExportJobEntity };

/**
 * The background export queue and its files, registered by ExportsModule.
 * Every entity is the schema's description, even where the code reads and writes its table by SQL: the drift test
 * (apps/api/test/schema-drift.e2e-spec.ts) holds it to the migrations, `npm run db:migration` generates migrations
 * from it, and the row types of hand-written SQL derive from it (`columns<E>()`, `PickRow` of @pt/api/core).
 */
export const EXPORT_JOB_ENTITIES = [ExportJobEntity, ExportJobChunkEntity];
