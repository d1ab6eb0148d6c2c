import { FrameworkVersionEntity } from './framework-version.entity';
import { ScoringSettingsVersionEntity } from './scoring-settings-version.entity';

export { FrameworkVersionEntity, ScoringSettingsVersionEntity };

/**
 * The versioned frameworks and scoring settings, registered by FrameworksModule.
 * Every entity is the schema's description, even where the code reads and writes its table by SQL: the drift test
 * (apps/api/test/schema-drift.e2e-spec.ts) holds it to the migrations, `npm run db:migration` generates migrations
 * from it, and the row types of hand-written SQL derive from it (`columns<E>()`, `PickRow` of @pt/api/core).
 */
export const FRAMEWORK_ENTITIES = [FrameworkVersionEntity, ScoringSettingsVersionEntity];
