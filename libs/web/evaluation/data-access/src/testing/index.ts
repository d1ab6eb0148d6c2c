/** Test data of the self-evaluation, for the specs of this library and of the pages that show it. */
export * from '../lib/evaluation.fixtures';
