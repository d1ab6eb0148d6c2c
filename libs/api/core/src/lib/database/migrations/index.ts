import { Init1732200000000 } from './1732200000000-init';

/** Every migration, in order. The schema changes only through these (synchronize is off). */
export const MIGRATIONS = [Init1732200000000];
