export * from './lib/indicator-rows';
export * from './lib/indicator-clipboard';
export * from './lib/indicator-table.component';
export * from './lib/indicator-picker.component';
export * from './lib/failure-alert.component';
export * from './lib/page-load.component';
export * from './lib/confirm-danger';
