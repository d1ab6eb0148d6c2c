export * from './lib/admin.routes';
export { UsersPage } from './lib/users.page';
