/**
 * Who is calling, from `ctx.identity` (a user-pool identity: `sub`, `groups`, the token's
 * `claims`). Resolvers decide ownership with these; the schema's directives decide which groups
 * reach a field at all.
 */
import { util, type Identity } from '@aws-appsync/utils';

/** The group candidates sign in with. */
export const CANDIDATES_GROUP = 'candidates';
/** The groups that work the pipeline: they read every candidate, application and note. */
export const STAFF_GROUPS = ['recruiters', 'admins'];

interface UserIdentity {
  sub: string;
  username: string;
  groups: string[] | null;
  claims: Record<string, unknown>;
}

function asUser(identity: Identity): UserIdentity | null {
  const user = identity as Partial<UserIdentity> | null | undefined;
  return user && typeof user.sub === 'string' && user.sub !== '' ? (user as UserIdentity) : null;
}

/** The signed-in user; Unauthorized when the request carries no user (an API key, say). */
export function signedInUser(identity: Identity): UserIdentity {
  const user = asUser(identity);
  if (!user) return util.unauthorized();
  return user;
}

/** True when the caller is a recruiter or an admin. */
export function isStaff(identity: Identity): boolean {
  const user = asUser(identity);
  return !!user && (user.groups ?? []).some((group) => STAFF_GROUPS.includes(group));
}

/**
 * The token's email when the user pool has verified it; EmailNotVerified otherwise (no email
 * claim, or `email_verified` not true), with errorInfo a UI can act on.
 */
export function verifiedEmail(identity: Identity): string {
  const { claims } = signedInUser(identity);
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  // API Gateway hands claims over as strings; the runtime restores booleans, but accept both.
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  if (email === '' || !verified) {
    util.error('Your sign-in email must be verified before you create your profile', 'EmailNotVerified', null, { email: email || null });
  }
  return email;
}

/**
 * Unauthorized unless the caller may read `candidate`: recruiters and admins read every
 * candidate, anyone else only the candidate linked to them.
 */
export function assertMayReadCandidate(identity: Identity, candidate: { userId?: string | null }): void {
  if (isStaff(identity)) return;
  const user = signedInUser(identity);
  if (!candidate.userId || candidate.userId !== user.sub) util.unauthorized();
}
