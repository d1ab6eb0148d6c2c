export * from './lib/exports.routes';
export * from './lib/project-export-buttons.component';
