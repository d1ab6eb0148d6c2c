import { AttachmentChunkEntity } from './attachment-chunk.entity';
import { AttachmentEntity } from './attachment.entity';

export { AttachmentChunkEntity, AttachmentEntity };

/** The evidence files and their bytes (registered by EvidenceDataModule; the schema's description, see migrations). */
export const EVIDENCE_ENTITIES = [AttachmentEntity, AttachmentChunkEntity];
