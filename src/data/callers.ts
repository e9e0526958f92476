/**
 * Who is calling, from `ctx.identity` (a user-pool identity: `sub`, `groups`, the token's
 * `claims`). Resolvers decide ownership with these; the schema's directives decide which groups
 * reach a field at all.
 */
import { util, type Identity } from '@aws-appsync/utils';

/** The group candidates sign in with. */
export const CANDIDATES_GROUP = 'candidates';
/** The groups that work the pipeline: admins all of it, recruiters their companies' part (docs/tenancy.md). */
export const STAFF_GROUPS = ['recruiters', 'admins'];
/** The group with platform-wide access: it manages companies and their recruiters. */
export const ADMINS_GROUP = 'admins';
/** The group of the people who work for companies. */
export const RECRUITERS_GROUP = 'recruiters';

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

const groupsOf = (identity: Identity): string[] => {
  const user = asUser(identity);
  return user ? (user.groups ?? []) : [];
};

/** True when the caller is an admin: platform-wide access. */
export function isAdmin(identity: Identity): boolean {
  return groupsOf(identity).includes(ADMINS_GROUP);
}

/**
 * True when the caller is a recruiter who is not an admin: tenancy applies, and they reach only the
 * companies they work for. Admins, candidates and the API key are never bound to companies.
 */
export function boundToCompanies(identity: Identity): boolean {
  return groupsOf(identity).includes(RECRUITERS_GROUP) && !isAdmin(identity);
}

/** The token's email when it is verified, else null: what an email-named membership matches. */
export function verifiedEmailOrNull(identity: Identity): string | null {
  const user = asUser(identity);
  if (!user) return null;
  const email = typeof user.claims.email === 'string' ? user.claims.email.trim() : '';
  // API Gateway hands claims over as strings; the runtime restores booleans, but accept both.
  const verified = user.claims.email_verified === true || user.claims.email_verified === 'true';
  return email !== '' && verified ? email : null;
}

/**
 * The token's email when the user pool has verified it; EmailNotVerified otherwise (no email
 * claim, or `email_verified` not true), with errorInfo a UI can act on.
 */
export function verifiedEmail(identity: Identity): string {
  const { claims } = signedInUser(identity);
  const verified = verifiedEmailOrNull(identity);
  if (!verified) {
    const email = typeof claims.email === 'string' ? claims.email.trim() : '';
    util.error('Your sign-in email must be verified before you create your profile', 'EmailNotVerified', null, { email: email || null });
  }
  return verified;
}

/**
 * Unauthorized unless the caller may read `candidate`: recruiters and admins pass (tenancy narrows
 * a recruiter to the candidates and applications of their companies: loadVisibleCandidate,
 * listCandidateApplications), anyone else reads only the candidate linked to them.
 */
export function assertMayReadCandidate(identity: Identity, candidate: { userId?: string | null }): void {
  if (isStaff(identity)) return;
  const user = signedInUser(identity);
  if (!candidate.userId || candidate.userId !== user.sub) util.unauthorized();
}
