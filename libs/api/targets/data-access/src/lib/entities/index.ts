import { IndicatorLibraryEntity } from './indicator-library.entity';
import { IndicatorEntity } from './indicator.entity';
import { ProjectEvaluationEntity } from './project-evaluation.entity';
import { ProjectGoalEntity } from './project-goal.entity';
import { ProjectHistoryEntity } from './project-history.entity';
import { ProjectMonitoringEntity } from './project-monitoring.entity';
import { ProjectRevisionEntity } from './project-revision.entity';
import { ProjectEntity } from './project.entity';
import { ReviewCommentEntity } from './review-comment.entity';

export {
  IndicatorEntity,
  IndicatorLibraryEntity,
  ProjectEntity,
  ProjectEvaluationEntity,
  ProjectGoalEntity,
  ProjectHistoryEntity,
  ProjectMonitoringEntity,
  ProjectRevisionEntity,
  ReviewCommentEntity,
};

/** The tables of the target aggregate (and the indicator library), registered by TargetsDataModule. */
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
];
