export * from './project-fields';
export * from './table-fields';
export * from './other-target-fields';
export * from './indicator-meta';
export * from './follow-up-fields';
