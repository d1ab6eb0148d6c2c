export * from './lib/library.api';
export * from './lib/library-filters';
export * from './lib/library-failure';
export type { LibraryIndicator, LibraryPage, Suggestions } from '@pt/shared/api-types';
