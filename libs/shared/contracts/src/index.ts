// The class-validator DTO classes of the api (api only: scope:api). Each implements the request shape of the same
// name in @pt/shared/api-types, which this module re-exports so api code imports one module; a class below
// takes precedence over the interface it implements.
export * from '@pt/shared/api-types';
export { LoginDto, ChangePasswordDto } from './lib/auth';
export { CreateOrgDto, UpdateOrgDto, ListUsersQueryDto, CreateUserDto, UpdateUserDto } from './lib/admin';
export { FundsDto, ProjectHeaderDto, UpdateProjectDto, CreateProjectDto, IndicatorInputDto, PutIndicatorsDto, RowCommentDto, TransitionDto, ListProjectsQueryDto, AdjustProjectDto, DiffQueryDto, CreateGoalDto } from './lib/projects';
export { ListLibraryQueryDto, UpdateLibraryIndicatorDto, CreateLibraryIndicatorDto } from './lib/library';
export { EvaluationReportDto } from './lib/evaluation';
export { CreateRectificationDto, PatchRectificationDto, RectificationTransitionDto, RectificationListQueryDto } from './lib/follow-up';
export { EvaluationBudgetDto, EvaluationFundsRowDto, EvaluationFundsDto, EvaluationItemDto, PutEvaluationDto, EvaluationDeductionDto, PatchEvaluationDto, EvaluationTransitionDto } from './lib/evaluation';
export { MonitoringBudgetDto, MonitoringItemDto, PutMonitoringDto, MonitoringQueryDto, MonitoringOverviewQueryDto, DashboardQueryDto } from './lib/monitoring';
export { ExportQueryDto, BatchExportQueryDto, ImportChoiceDto, ImportTextDto, ImportQueryDto, ImportXlsxQueryDto } from './lib/exports';
export { FrameworkGroupDto, CreateFrameworkVersionDto, GradeBandDto, CreateScoringSettingsVersionDto } from './lib/frameworks';
export { AuditQueryDto } from './lib/security';
export { DepartmentBudgetDto, DepartmentTaskDto, DepartmentFieldsDto, PolicyFieldsDto, UpdateTargetDto, CreateTargetDto, ListTargetsQueryDto } from './lib/targets';
export { PageQueryDto } from './lib/field-rules';
export { StructuredReviewDto, CreateTaskDto, TasksQueryDto, BatchItemDto, BatchTransitionDto } from './lib/work';
export { TargetSettingQueryDto, TargetSettingExportQueryDto } from './lib/reports';
export * from './lib/text-rules';
