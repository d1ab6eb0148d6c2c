export * from './lib/workflow/reason-dialog.component';
export * from './lib/workflow/workflow-actions.component';
export * from './lib/crud/error-list.component';
export * from './lib/crud/form-field.component';
export * from './lib/crud/text-field.component';
export * from './lib/crud/crud-modal.component';
export * from './lib/crud/list-card.component';
export * from './lib/filters/filter-selects.component';
