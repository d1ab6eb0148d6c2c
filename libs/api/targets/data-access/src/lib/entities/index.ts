import { DashboardTallyEntity, DashboardTallyKeyEntity, DashboardUnitScoreEntity } from './dashboard-tally.entity';
import { DepartmentTaskEntity } from './department-task.entity';
import { IndicatorLibraryEntity } from './indicator-library.entity';
import { IndicatorEntity } from './indicator.entity';
import { ProjectEvaluationEntity } from './project-evaluation.entity';
import { ProjectGoalEntity } from './project-goal.entity';
import { ProjectHistoryEntity } from './project-history.entity';
import { ProjectMonitoringEntity } from './project-monitoring.entity';
import { ProjectRevisionEntity } from './project-revision.entity';
import { ProjectEntity } from './project.entity';
import { RectificationEntity } from './rectification.entity';
import { ReviewCommentEntity } from './review-comment.entity';

export {
  DashboardTallyEntity,
  DashboardTallyKeyEntity,
  DashboardUnitScoreEntity,
  DepartmentTaskEntity,
  IndicatorEntity,
  IndicatorLibraryEntity,
  ProjectEntity,
  ProjectEvaluationEntity,
  ProjectGoalEntity,
  ProjectHistoryEntity,
  ProjectMonitoringEntity,
  ProjectRevisionEntity,
  RectificationEntity,
  ReviewCommentEntity,
};

/**
 * The tables of the target aggregate (and the indicator library), registered by TargetsDataModule.
 * Every entity is the schema's description, even where the code reads and writes its table by SQL: the drift test
 * (apps/api/test/schema-drift.e2e-spec.ts) holds it to the migrations, `npm run db:migration` generates migrations
 * from it, and the row types of hand-written SQL derive from it (`columns<E>()`, `PickRow` of @pt/api/core).
 */
export const TARGET_ENTITIES = [
  ProjectEntity,
  ProjectGoalEntity,
  IndicatorEntity,
  ProjectHistoryEntity,
  ReviewCommentEntity,
  ProjectRevisionEntity,
  ProjectEvaluationEntity,
  ProjectMonitoringEntity,
  IndicatorLibraryEntity,
  DepartmentTaskEntity,
  RectificationEntity,
  DashboardTallyKeyEntity,
  DashboardTallyEntity,
  DashboardUnitScoreEntity,
];
export { TargetIdColumn } from './target-id.column';
