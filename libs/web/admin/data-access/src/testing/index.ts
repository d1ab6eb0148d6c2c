/** Test data of the admin pages, for the specs of this library and of the pages. */
export * from '../lib/frameworks.testing';
