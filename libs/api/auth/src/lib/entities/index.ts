import { LoginAttemptEntity } from './login-attempt.entity';
import { LoginThrottleEntity } from './login-throttle.entity';
import { OrgEntity } from './org.entity';
import { PasswordHistoryEntity } from './password-history.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export { LoginAttemptEntity, LoginThrottleEntity, OrgEntity, PasswordHistoryEntity, SessionEntity, UserEntity };

/**
 * The tables of accounts, organisations, sessions and logins, registered by AuthModule.
 * Every entity is the schema's description, even where the code reads and writes its table by SQL: the drift test
 * (apps/api/test/schema-drift.e2e-spec.ts) holds it to the migrations, `npm run db:migration` generates migrations
 * from it, and the row types of hand-written SQL derive from it (`columns<E>()`, `PickRow` of @pt/api/core).
 */
export const AUTH_ENTITIES = [OrgEntity, UserEntity, SessionEntity, PasswordHistoryEntity, LoginAttemptEntity, LoginThrottleEntity];
