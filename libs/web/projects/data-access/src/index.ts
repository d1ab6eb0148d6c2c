export * from './lib/project-labels';
export * from './lib/projects.api';
export * from './lib/project-framework';
export * from './lib/roles';
export * from './lib/target-kinds';
export type {
  FrameworkResponse,
  HistoryEntry,
  Indicator,
  OrgNode,
  Project,
  ProjectPage,
  ProjectStatus,
  ProjectSummary,
  ReviewComment,
  DepartmentBudget,
  DepartmentFields,
  DepartmentTask,
  PolicyFields,
  Target,
  TargetSummary,
  TransitionAction,
} from '@pt/shared/api-types';
export * from './lib/org-options';
export * from './lib/project-labels.pipes';
