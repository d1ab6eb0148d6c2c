import { FrameworkVersionEntity } from './framework-version.entity';
import { ScoringSettingsVersionEntity } from './scoring-settings-version.entity';

export { FrameworkVersionEntity, ScoringSettingsVersionEntity };

/** The versioned frameworks and scoring settings, registered by FrameworksModule. */
export const FRAMEWORK_ENTITIES = [FrameworkVersionEntity, ScoringSettingsVersionEntity];
