export * from './lib/exports.module';
export * from './lib/exports.service';
export * from './lib/layout/sheet-model';
export * from './lib/xlsx/xlsx-import';
