// Interim: the split of libs/shared/contracts into api-types (runtime-safe for the web) follows in the next commit.
export * from '@pt/shared/contracts';
