import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { makeClients, type Clients, type Credentials } from '../collect/clients.js';
import { errorCode } from '../collect/collector.js';
import type { AwsSession } from '../collect/session.js';
import { msg, type Message } from '../i18n/index.js';
import { roleAccount, type RoleHop } from './targets.js';

// Sessions in other accounts, one sts:AssumeRole per hop. AWS caps a session made by role
// chaining at one hour (DurationSeconds above 3600 is refused), so every assumed session asks for
// exactly that and is renewed by assuming the role again when less than RENEW_BEFORE_MS is left:
// an account whose scan outlasts its session goes on with fresh credentials instead of failing
// with ExpiredToken halfway.

export const SESSION_SECONDS = 3600;
/** Renew this long before expiry: more than the SDK's own 5-minute refresh window, so its refresh gets new credentials. */
export const RENEW_BEFORE_MS = 10 * 60_000;

/** An account could not be reached: the reason it is listed as not assessed. */
export class NotAssessedError extends Error {
  override name = 'NotAssessedError';
  constructor(
    readonly code: string,
    readonly reason: Message,
  ) {
    super(`${code}`);
  }
}

interface Temporary {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface AssumeOptions {
  /** The session whose credentials make the first hop (its endpoint, region, recorder, rate limit). */
  base: AwsSession;
  /** Session name in CloudTrail: who scanned (default aws-lockdown). */
  sessionName?: string;
  now?: () => number;
}

/**
 * Assumes roles for many accounts, reusing one STS client per set of source credentials (the
 * management account's, or a hop's), and the hops themselves: members behind the same hop share
 * its session.
 */
export class RoleSessions {
  private readonly hubs = new Map<string, { clients: Clients; credentials: Credentials }>();
  private readonly hops = new Map<string, Promise<Credentials>>();
  private readonly limited = new Map<string, Promise<Clients>>();
  private readonly now: () => number;

  constructor(private readonly options: AssumeOptions) {
    this.now = options.now ?? Date.now;
    this.hubs.set('', { clients: makeClients(options.base), credentials: options.base.credentials });
  }

  /** The clients of the caller or of a hop chain (e.g. to list an organisation from its management account). */
  async clientsFor(chain: readonly RoleHop[]): Promise<Clients> {
    return (await this.hub(chain)).clients;
  }

  /**
   * Clients of the same account whose every attempt waits in the rate-limit family `family`
   * instead of its service's (`account:GetAlternateContact` → `account@management:GetAlternateContact`):
   * for calls that spend the management account's quota where the same call from a member spends
   * the member's own. Made on first use, destroyed with the rest.
   */
  async clientsLimitedAs(chain: readonly RoleHop[], family: string): Promise<Clients> {
    const key = `${this.key(chain)}\n${family}`;
    let pending = this.limited.get(key);
    if (!pending) {
      pending = this.hub(chain).then(({ credentials }) => {
        const limit = this.options.base.rateLimit;
        return makeClients({ ...this.options.base, credentials, ...(limit ? { rateLimit: (action: string) => limit(`${family}:${action.slice(action.indexOf(':') + 1)}`) } : {}) });
      });
      this.limited.set(key, pending);
      pending.catch(() => this.limited.delete(key));
    }
    return pending;
  }

  /**
   * A session in the chain's last account. The first AssumeRole of each hop is made now, so a
   * denial surfaces here as a NotAssessedError naming the call and the role.
   */
  async session(chain: readonly RoleHop[]): Promise<AwsSession> {
    const last = chain[chain.length - 1];
    if (!last) return this.options.base;
    const credentials = await this.credentials(chain);
    const { accountId, partition } = roleAccount(last.roleArn);
    const { base } = this.options;
    return { ...base, credentials, account: { id: accountId, partition, callerArn: assumedRoleArn(last.roleArn, this.sessionName()) } };
  }

  destroy(): void {
    for (const hub of this.hubs.values()) hub.clients.destroy();
    this.hubs.clear();
    for (const pending of this.limited.values()) void pending.then((clients) => clients.destroy(), () => undefined);
    this.limited.clear();
  }

  private sessionName(): string {
    return this.options.sessionName ?? 'aws-lockdown';
  }

  private key(chain: readonly RoleHop[]): string {
    return chain.map((h) => `${h.roleArn}#${h.externalId ?? ''}`).join('>');
  }

  private async hub(chain: readonly RoleHop[]) {
    const key = this.key(chain);
    let hub = this.hubs.get(key);
    if (!hub) {
      const credentials = await this.credentials(chain);
      const again = this.hubs.get(key);
      if (again) return again;
      hub = { clients: makeClients({ ...this.options.base, credentials }), credentials };
      this.hubs.set(key, hub);
    }
    return hub;
  }

  private credentials(chain: readonly RoleHop[]): Promise<Credentials> {
    const key = this.key(chain);
    let pending = this.hops.get(key);
    if (!pending) {
      pending = this.assume(chain);
      this.hops.set(key, pending);
      // A failed hop is not cached: another account behind it may try again (and fail with its own reason).
      pending.catch(() => this.hops.delete(key));
    }
    return pending;
  }

  private async assume(chain: readonly RoleHop[]): Promise<Credentials> {
    const hop = chain[chain.length - 1] as RoleHop;
    const { clients } = await this.hub(chain.slice(0, -1));
    const call = async (): Promise<Temporary> => {
      try {
        const out = await clients.sts.send(
          new AssumeRoleCommand({ RoleArn: hop.roleArn, RoleSessionName: this.sessionName(), DurationSeconds: SESSION_SECONDS, ...(hop.externalId ? { ExternalId: hop.externalId } : {}) }),
        );
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) throw new NotAssessedError('InvalidResponse', msg('notAssessedCall', { code: 'InvalidResponse', action: 'sts:AssumeRole', target: hop.roleArn, detail: 'no credentials in the answer' }));
        return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
      } catch (error) {
        if (error instanceof NotAssessedError) throw error;
        const code = errorCode(error) || 'Error';
        throw new NotAssessedError(code, msg('notAssessedCall', { code, action: 'sts:AssumeRole', target: hop.roleArn, detail: firstLine((error as Error).message ?? '') }));
      }
    };
    let current = await call();
    let renewing: Promise<Temporary> | null = null;
    // The SDK calls a credentials function when it has none or they are about to expire.
    const provider = async (): Promise<Temporary> => {
      if (current.expiration.getTime() - this.now() > RENEW_BEFORE_MS) return current;
      renewing ??= call().finally(() => (renewing = null));
      current = await renewing;
      return current;
    };
    return provider;
  }
}

function assumedRoleArn(roleArn: string, sessionName: string): string {
  // arn:aws:iam::111122223333:role/path/Name → arn:aws:sts::111122223333:assumed-role/Name/session
  const m = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
  return m ? `arn:${m[1]}:sts::${m[2]}:assumed-role/${m[3]}/${sessionName}` : roleArn;
}

const firstLine = (s: string) => (s.split('\n')[0] ?? '').slice(0, 300);
