import { LoginAttemptEntity } from './login-attempt.entity';
import { LoginThrottleEntity } from './login-throttle.entity';
import { OrgEntity } from './org.entity';
import { PasswordHistoryEntity } from './password-history.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export { LoginAttemptEntity, LoginThrottleEntity, OrgEntity, PasswordHistoryEntity, SessionEntity, UserEntity };

/** The tables of accounts, organisations, sessions and logins, registered by AuthModule. */
export const AUTH_ENTITIES = [OrgEntity, UserEntity, SessionEntity, PasswordHistoryEntity, LoginAttemptEntity, LoginThrottleEntity];
