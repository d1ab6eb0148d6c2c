export * from './lib/project-export-buttons.component';
