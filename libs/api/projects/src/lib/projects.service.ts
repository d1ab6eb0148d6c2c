/**
 * Moved: the target store is @pt/api/targets/data-access, the workflow @pt/domain. These names stay only while
 * the last users of libs/api/projects (the old monitoring, the demo seed) move there; the file goes with the lib.
 */
export { TargetStore as ProjectsService, EvaluationStore as EvaluationService, loadGoals, insertProject, replaceIndicators, writeHistory, scoreStoredEvaluation } from '@pt/api/targets/data-access';
export type { ProjectRow, StoredEvaluationItem } from '@pt/api/targets/data-access';
export { EDITABLE_STATUSES, hasRole as has, nextStatus, statusLabel } from '@pt/domain';
