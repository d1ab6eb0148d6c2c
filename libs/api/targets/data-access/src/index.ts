export * from './lib/entities';
export * from './lib/org-scope.service';
