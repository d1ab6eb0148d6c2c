export * from './lib/library.module';
export { LibraryService } from './lib/library.service';
