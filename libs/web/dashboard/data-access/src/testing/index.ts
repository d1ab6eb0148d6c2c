/** Test data of the dashboard, for the specs of this library and of the page that shows it. */
export * from '../lib/dashboard.testing';
