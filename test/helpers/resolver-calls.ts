/** For unit tests of the resolvers' data functions: the identities they read, the errors they raise. */
import type { Identity } from '@aws-appsync/utils';

/** A user-pool identity as `ctx.identity` holds it: `sub`, its groups and its token's claims. */
export const userIdentity = (sub: string, groups: string[] | null, claims: Record<string, unknown> = {}) =>
  ({ sub, username: sub, groups, claims, sourceIp: [], issuer: 'x', defaultAuthStrategy: 'ALLOW' }) as unknown as Identity;

/** The AppSync error (errorType, errorInfo) a synchronous call raised, or undefined when it returned. */
export function refusal(call: () => unknown): { errorType?: string; errorInfo?: unknown } | undefined {
  try {
    call();
    return undefined;
  } catch (error) {
    return error as { errorType?: string; errorInfo?: unknown };
  }
}
