import { type CommonError, err, ok, type Result } from '../domain/result.ts';
import { constantTimeEqual } from '../domain/secrets.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import { AdminSessions, type AdminSessionsOptions } from './admin-sessions.ts';
import { LoginThrottle, type LoginThrottleOptions } from './login-throttle.ts';
import type { SettingsService } from './settings-service.ts';

/** The admin's fixed user name, as Owncast. */
export const ADMIN_USERNAME = 'admin';

export interface AdminAccessOptions {
  readonly throttle?: LoginThrottleOptions;
  readonly sessions?: AdminSessionsOptions;
}

/** A password login attempt from one client address. */
export interface AdminLogin {
  readonly address: string;
  readonly user: string;
  readonly password: string;
}

/**
 * Who may use the admin API: user `admin` with the admin password (bcrypt, so the check takes the
 * same time whatever the guess), throttled per client address, or a session token handed out
 * after such a login.
 */
export class AdminAccess {
  readonly #settings: SettingsService;
  readonly #logger: Logger;
  readonly #throttle: LoginThrottle;
  readonly sessions: AdminSessions;

  constructor(deps: { settings: SettingsService; clock: Clock; logger: Logger; options?: AdminAccessOptions | undefined }) {
    this.#settings = deps.settings;
    this.#logger = deps.logger;
    this.#throttle = new LoginThrottle(deps.clock, deps.options?.throttle);
    this.sessions = new AdminSessions(deps.clock, deps.options?.sessions);
  }

  /**
   * Checks a password login. `rate-limited` (with the wait) while the address is blocked, without
   * looking at the password; `unauthorized` for a wrong user or password, which counts against the
   * address; a success clears the address's failures.
   */
  async login(attempt: AdminLogin): Promise<Result<void, CommonError>> {
    const wait = this.#throttle.retryAfterMs(attempt.address);
    if (wait > 0) return err({ kind: 'rate-limited', message: 'too many failed admin logins from this address: try again later', retryAfterMs: wait });
    const passwordOk = await this.#settings.verifyAdminPassword(attempt.password);
    const userOk = constantTimeEqual(attempt.user, ADMIN_USERNAME);
    if (!(passwordOk && userOk)) {
      this.#throttle.failed(attempt.address);
      if (this.#throttle.retryAfterMs(attempt.address) > 0) this.#logger.warn({ address: attempt.address }, 'admin login failures: address blocked for a while');
      return err({ kind: 'unauthorized', message: 'wrong admin user name or password' });
    }
    this.#throttle.succeeded(attempt.address);
    return ok(undefined);
  }

  /** Changing the password ends every session. */
  passwordChanged(): void {
    this.sessions.clear();
  }
}
