export * from './lib/auth.store';
export * from './lib/auth.interceptor';
export * from './lib/auth.guard';
export * from './lib/return-url';
export * from './lib/early-get';
