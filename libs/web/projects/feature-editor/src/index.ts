export * from './lib/project-editor.routes';
