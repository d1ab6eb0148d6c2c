/**
 * API paths, defined once: `ApiRoutes` are the route strings of the api's controllers (relative to the global
 * prefix), `ApiPaths` the absolute URLs the browser calls, built from them.
 */
export const API_PREFIX = 'api';
/** The start of every API URL (the web's interceptor adds the token only to these). */
export const API_ROOT = `/${API_PREFIX}/`;

export const ApiRoutes = {
  health: 'health',
  auth: { base: 'auth', login: 'login', logout: 'logout', me: 'me', password: 'password' },
  frameworks: 'frameworks',
  orgs: 'orgs',
  projects: 'projects',
  /** Every kind of target (project, department, policy); its `:id` has every sub-route of `projects/:id`. */
  targets: 'targets',
  /** Sub-routes of `projects/:id` (and `projects/years`). */
  project: {
    years: 'years',
    indicators: 'indicators',
    goals: 'goals',
    findings: 'findings',
    transitions: 'transitions',
    history: 'history',
    adjustments: 'adjustments',
    revisions: 'revisions',
    diff: 'diff',
    /** What changed since the target's last return (its snapshot at the return and the target now). */
    changes: 'changes',
    suggestions: 'suggestions',
    copyLastYear: 'copy-last-year',
    evaluation: 'evaluation',
    monitoring: 'monitoring',
    export: 'export',
    attachments: 'attachments',
    /** Under `attachments`: which of them the caller may add or remove now. */
    attachmentRights: 'rights',
    /** Last year's target and actual of each row (domain §11). */
    indicatorHistory: 'indicator-history',
    rectifications: 'rectifications',
  },
  indicatorLibrary: 'indicator-library',
  monitoring: 'monitoring',
  dashboard: 'dashboard',
  exports: 'exports',
  imports: 'imports',
  exportJobs: 'export-jobs',
  /** Administration (系统管理员). */
  admin: { base: 'admin', orgs: 'admin/orgs', users: 'admin/users', frameworks: 'admin/frameworks', settings: 'settings' },
  /** 安全管理员: sessions and lock-outs. */
  security: { base: 'security', sessions: 'sessions', userSessions: 'users/:id/sessions', lockouts: 'lockouts' },
  /** 审计管理员: the audit log. */
  audit: { base: 'audit', export: 'export', verify: 'verify' },
  /** The year's work: tasks and their progress, the 工作台, batch transitions. */
  tasks: 'tasks',
  task: { progress: 'progress', progressExport: 'progress/export' },
  workbench: { base: 'workbench', counts: 'counts' },
  /** Reports: 绩效目标设置情况 (the budget document's paragraph) and its export. */
  reports: { base: 'reports', targetSetting: 'target-setting', targetSettingExport: 'target-setting/export' },
  transitions: 'transitions',
  /** 佐证材料: one file by its id (download, delete); a target's are under `targets/:id/attachments`. */
  attachments: 'attachments',
  /** 整改 notices (their list and creation are sub-routes of a target). */
  rectifications: 'rectifications',
  rectification: { transitions: 'transitions' },
} as const;

/** The admin controllers' routes (`ApiRoutes.admin`). */
export const AdminRoutes = { base: ApiRoutes.admin.base, orgs: ApiRoutes.admin.orgs, users: ApiRoutes.admin.users } as const;
export const FrameworkAdminRoutes = { base: ApiRoutes.admin.frameworks } as const;

const root = `/${API_PREFIX}`;
const seg = (value: string | number) => encodeURIComponent(String(value));
const P = ApiRoutes.project;
// one target of any kind (a project is one) and its sub-routes: /api/targets/:id… (/api/projects/:id… is the same
// narrowed to projects, for the api's older clients)
const targetUrl = (id: string) => `${root}/${ApiRoutes.targets}/${seg(id)}`;
const projectUrl = targetUrl;

/** Absolute URL paths as the browser calls them. */
export const ApiPaths = {
  health: `${root}/${ApiRoutes.health}`,
  login: `${root}/${ApiRoutes.auth.base}/${ApiRoutes.auth.login}`,
  logout: `${root}/${ApiRoutes.auth.base}/${ApiRoutes.auth.logout}`,
  me: `${root}/${ApiRoutes.auth.base}/${ApiRoutes.auth.me}`,
  password: `${root}/${ApiRoutes.auth.base}/${ApiRoutes.auth.password}`,
  frameworks: `${root}/${ApiRoutes.frameworks}`,
  orgs: `${root}/${ApiRoutes.orgs}`,
  projects: `${root}/${ApiRoutes.projects}`,
  projectYears: `${root}/${ApiRoutes.projects}/${P.years}`,
  /** The list and create of every kind (`?kind=`). */
  targets: `${root}/${ApiRoutes.targets}`,
  project: projectUrl,
  projectIndicators: (id: string) => `${projectUrl(id)}/${P.indicators}`,
  projectGoals: (id: string) => `${projectUrl(id)}/${P.goals}`,
  goalIndicators: (id: string, goalId: string) => `${projectUrl(id)}/${P.goals}/${seg(goalId)}/${P.indicators}`,
  projectFindings: (id: string) => `${projectUrl(id)}/${P.findings}`,
  projectTransitions: (id: string) => `${projectUrl(id)}/${P.transitions}`,
  projectHistory: (id: string) => `${projectUrl(id)}/${P.history}`,
  projectAdjustments: (id: string) => `${projectUrl(id)}/${P.adjustments}`,
  projectRevisions: (id: string) => `${projectUrl(id)}/${P.revisions}`,
  projectRevision: (id: string, rev: number) => `${projectUrl(id)}/${P.revisions}/${seg(rev)}`,
  projectDiff: (id: string) => `${projectUrl(id)}/${P.diff}`,
  targetChanges: (id: string) => `${projectUrl(id)}/${P.changes}`,
  projectSuggestions: (id: string) => `${projectUrl(id)}/${P.suggestions}`,
  projectCopyLastYear: (id: string) => `${projectUrl(id)}/${P.copyLastYear}`,
  evaluation: (id: string) => `${projectUrl(id)}/${P.evaluation}`,
  evaluationTransitions: (id: string) => `${projectUrl(id)}/${P.evaluation}/${P.transitions}`,
  monitoring: (id: string) => `${projectUrl(id)}/${P.monitoring}`,
  monitoringOverview: `${root}/${ApiRoutes.monitoring}`,
  dashboard: `${root}/${ApiRoutes.dashboard}`,
  indicatorLibrary: `${root}/${ApiRoutes.indicatorLibrary}`,
  libraryIndicator: (id: string) => `${root}/${ApiRoutes.indicatorLibrary}/${seg(id)}`,
  projectExport: (id: string) => `${projectUrl(id)}/${P.export}`,
  exports: `${root}/${ApiRoutes.exports}`,
  importText: `${root}/${ApiRoutes.imports}/text`,
  importXlsx: `${root}/${ApiRoutes.imports}/xlsx`,
  exportJobs: `${root}/${ApiRoutes.exportJobs}`,
  exportJob: (id: string) => `${root}/${ApiRoutes.exportJobs}/${seg(id)}`,
  exportJobFile: (id: string) => `${root}/${ApiRoutes.exportJobs}/${seg(id)}/file`,
  adminOrgs: `${root}/${ApiRoutes.admin.orgs}`,
  adminOrg: (id: string) => `${root}/${ApiRoutes.admin.orgs}/${seg(id)}`,
  adminUsers: `${root}/${ApiRoutes.admin.users}`,
  adminUser: (id: string) => `${root}/${ApiRoutes.admin.users}/${seg(id)}`,
  adminFrameworks: `${root}/${ApiRoutes.admin.frameworks}`,
  adminFramework: (code: string) => `${root}/${ApiRoutes.admin.frameworks}/${seg(code)}`,
  adminScoringSettings: `${root}/${ApiRoutes.admin.frameworks}/${ApiRoutes.admin.settings}`,
  securitySessions: `${root}/${ApiRoutes.security.base}/${ApiRoutes.security.sessions}`,
  securitySession: (id: string) => `${root}/${ApiRoutes.security.base}/${ApiRoutes.security.sessions}/${seg(id)}`,
  securityUserSessions: (userId: string) => `${root}/${ApiRoutes.security.base}/${ApiRoutes.security.userSessions.replace(':id', seg(userId))}`,
  securityLockouts: `${root}/${ApiRoutes.security.base}/${ApiRoutes.security.lockouts}`,
  securityLockout: (username: string) => `${root}/${ApiRoutes.security.base}/${ApiRoutes.security.lockouts}/${seg(username)}`,
  audit: `${root}/${ApiRoutes.audit.base}`,
  auditExport: `${root}/${ApiRoutes.audit.base}/${ApiRoutes.audit.export}`,
  auditVerify: `${root}/${ApiRoutes.audit.base}/${ApiRoutes.audit.verify}`,
  tasks: `${root}/${ApiRoutes.tasks}`,
  task: (id: string) => `${root}/${ApiRoutes.tasks}/${seg(id)}`,
  taskProgress: (id: string) => `${root}/${ApiRoutes.tasks}/${seg(id)}/${ApiRoutes.task.progress}`,
  taskProgressExport: (id: string) => `${root}/${ApiRoutes.tasks}/${seg(id)}/${ApiRoutes.task.progressExport}`,
  workbench: `${root}/${ApiRoutes.workbench.base}`,
  workbenchCounts: `${root}/${ApiRoutes.workbench.base}/${ApiRoutes.workbench.counts}`,
  transitions: `${root}/${ApiRoutes.transitions}`,
  targetSettingReport: `${root}/${ApiRoutes.reports.base}/${ApiRoutes.reports.targetSetting}`,
  targetSettingReportExport: `${root}/${ApiRoutes.reports.base}/${ApiRoutes.reports.targetSettingExport}`,
  targetAttachments: (id: string) => `${targetUrl(id)}/${P.attachments}`,
  targetAttachmentRights: (id: string) => `${targetUrl(id)}/${P.attachments}/${P.attachmentRights}`,
  attachment: (id: string) => `${root}/${ApiRoutes.attachments}/${seg(id)}`,
  indicatorHistory: (id: string) => `${root}/${ApiRoutes.targets}/${seg(id)}/${P.indicatorHistory}`,
  targetRectifications: (id: string) => `${root}/${ApiRoutes.targets}/${seg(id)}/${P.rectifications}`,
  rectification: (id: string) => `${root}/${ApiRoutes.rectifications}/${seg(id)}`,
  rectificationTransitions: (id: string) => `${root}/${ApiRoutes.rectifications}/${seg(id)}/${ApiRoutes.rectification.transitions}`,
} as const;
