export * from './lib/project-list.page';
export * from './lib/project-list.routes';
