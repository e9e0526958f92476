/** Resolver identities for unit tests, as `ctx.identity` holds them. */
import type { Identity } from '@aws-appsync/utils';

/** A user-pool identity: `sub`, its groups and its token's claims. */
export const userIdentity = (sub: string, groups: string[] | null, claims: Record<string, unknown> = {}) =>
  ({ sub, username: sub, groups, claims, sourceIp: [], issuer: 'x', defaultAuthStrategy: 'ALLOW' }) as unknown as Identity;
