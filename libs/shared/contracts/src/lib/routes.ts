/** API paths, defined once and used by the api (controllers) and the web client. */
export const API_PREFIX = 'api';

export const ApiRoutes = {
  health: 'health',
  auth: { base: 'auth', login: 'login', logout: 'logout', me: 'me', password: 'password' },
  frameworks: 'frameworks',
  orgs: 'orgs',
  projects: 'projects',
  monitoring: 'monitoring',
  dashboard: 'dashboard',
  exports: 'exports',
  imports: 'imports',
  exportJobs: 'export-jobs',
} as const;

/** Absolute URL paths as the browser calls them. */
export const ApiPaths = {
  health: `/${API_PREFIX}/${ApiRoutes.health}`,
  login: `/${API_PREFIX}/${ApiRoutes.auth.base}/${ApiRoutes.auth.login}`,
  logout: `/${API_PREFIX}/${ApiRoutes.auth.base}/${ApiRoutes.auth.logout}`,
  me: `/${API_PREFIX}/${ApiRoutes.auth.base}/${ApiRoutes.auth.me}`,
  password: `/${API_PREFIX}/${ApiRoutes.auth.base}/${ApiRoutes.auth.password}`,
  frameworks: `/${API_PREFIX}/${ApiRoutes.frameworks}`,
  orgs: `/${API_PREFIX}/${ApiRoutes.orgs}`,
  projects: `/${API_PREFIX}/${ApiRoutes.projects}`,
  projectYears: `/${API_PREFIX}/${ApiRoutes.projects}/years`,
  project: (id: string) => `/${API_PREFIX}/${ApiRoutes.projects}/${encodeURIComponent(id)}`,
  evaluation: (id: string) => `/${API_PREFIX}/${ApiRoutes.projects}/${encodeURIComponent(id)}/evaluation`,
  evaluationTransitions: (id: string) => `/${API_PREFIX}/${ApiRoutes.projects}/${encodeURIComponent(id)}/evaluation/transitions`,
  monitoring: (id: string) => `/${API_PREFIX}/${ApiRoutes.projects}/${encodeURIComponent(id)}/monitoring`,
  monitoringOverview: `/${API_PREFIX}/${ApiRoutes.monitoring}`,
  dashboard: `/${API_PREFIX}/${ApiRoutes.dashboard}`,
  projectExport: (id: string) => `/${API_PREFIX}/${ApiRoutes.projects}/${encodeURIComponent(id)}/export`,
  exports: `/${API_PREFIX}/${ApiRoutes.exports}`,
  importText: `/${API_PREFIX}/${ApiRoutes.imports}/text`,
  importXlsx: `/${API_PREFIX}/${ApiRoutes.imports}/xlsx`,
  exportJobs: `/${API_PREFIX}/${ApiRoutes.exportJobs}`,
  exportJob: (id: string) => `/${API_PREFIX}/${ApiRoutes.exportJobs}/${encodeURIComponent(id)}`,
  exportJobFile: (id: string) => `/${API_PREFIX}/${ApiRoutes.exportJobs}/${encodeURIComponent(id)}/file`,
} as const;
