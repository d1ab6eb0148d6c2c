export * from './lib/library.routes';
export * from './lib/project-indicator-picker.component';
