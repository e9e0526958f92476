/**
 * Tenancy: the recruiters of a company, named by user (Cognito `sub`) or by the email they sign in
 * with, and the companies each recruiter works for (docs/tenancy.md). A recruiter who is not an
 * admin reaches only their companies' private side; the pipeline functions assertRecruiterOfCompany,
 * checkRecruiterOfCompany and loadMyCompanies read these items.
 */
import { util, type Identity } from '@aws-appsync/utils';
import { query, transactWrite } from '@aws-appsync/utils/dynamodb';
import { boundToCompanies, signedInUser, verifiedEmailOrNull } from './callers';
import { emailInput } from './candidates';
import { companiesOfRecruiter, emailPrincipal, recruiterCompanyKey, recruiterKey, recruitersOfCompany, TABLE, userPrincipal } from './keys';
import { assertId } from './limits';
import { page } from './pages';

/** A company's recruiter, as an admin added them. */
export interface CompanyRecruiterRecord {
  PK: string;
  SK: string;
  __typename: 'CompanyRecruiter';
  companyId: string;
  /** `USER#<sub>` or `EMAIL#<lower-cased email>`: whom the membership names. */
  principal: string;
  /** The user's Cognito `sub`, when added by user. */
  userId: string | null;
  /** The email, when added by email (as given, surrounding spaces removed). */
  email: string | null;
  addedAt: string;
  /** The `sub` of the admin who added them. */
  addedBy: string;
}

/** The inverse item: a company the principal works for, in the principal's partition. */
export interface RecruiterCompanyRecord {
  __typename: 'RecruiterCompany';
  companyId: string;
  principal: string;
}

/** The recruiter an admin names, checked: exactly one of `userId` and `email`. */
export interface RecruiterInput {
  companyId: string;
  principal: string;
  userId: string | null;
  email: string | null;
}

/**
 * The companies a recruiter's lists and subscriptions consider, at most: a DynamoDB `IN` takes 100
 * operands. A subscription without a job takes fewer (see {@link companiesOnlyFilter}).
 */
export const MAX_RECRUITER_COMPANIES = 100;
/** AppSync's `in` subscription filter takes at most 5 values; at most 10 filter groups are ORed. */
const FILTER_VALUES = 5;
const FILTER_GROUPS = 10;

/** `input` checked: an id within limits and exactly one of userId and email (ValidationError otherwise). */
export function recruiterInput(input: { companyId: string; userId?: string | null; email?: string | null }): RecruiterInput {
  assertId('companyId', input.companyId);
  const byUser = input.userId !== undefined && input.userId !== null;
  const byEmail = input.email !== undefined && input.email !== null;
  if (byUser === byEmail) util.error('Name the recruiter by userId or by email: one of the two', 'ValidationError', null, { field: 'input.userId' });
  if (byUser) {
    assertId('userId', input.userId);
    return { companyId: input.companyId, principal: userPrincipal(input.userId!), userId: input.userId!, email: null };
  }
  const email = emailInput(input.email!);
  return { companyId: input.companyId, principal: emailPrincipal(email), userId: null, email };
}

/** Whom a membership may name for this caller: their user, and their email when verified. */
export function callerPrincipals(identity: Identity): { user: string; email: string | null } {
  const email = verifiedEmailOrNull(identity);
  return { user: userPrincipal(signedInUser(identity).sub), email: email ? emailPrincipal(email) : null };
}

/**
 * The enhanced filter of a subscription to applications without a job (`jobId` null), for a recruiter
 * who works for `companyIds`: only their companies' applications, in groups of at most 5 values as
 * AppSync allows (a recruiter of more than 50 companies subscribes per job: ValidationError), and
 * Unauthorized for a recruiter of no company. Null when the arguments filter (a job) or for callers
 * not bound to companies (`companyIds` null).
 */
export function companiesOnlyFilter(jobId: string | null | undefined, companyIds: string[] | null | undefined) {
  if (jobId || !companyIds) return null;
  if (companyIds.length === 0) util.unauthorized();
  if (companyIds.length > FILTER_VALUES * FILTER_GROUPS) {
    util.error(`You work for more than ${FILTER_VALUES * FILTER_GROUPS} companies: subscribe with a jobId`, 'ValidationError', null, { field: 'jobId' });
  }
  // APPSYNC_JS has no for or while statements: the groups start at every FILTER_VALUES-th id.
  const groups = companyIds
    .filter((_, i) => i % FILTER_VALUES === 0)
    .map((_, group) => ({ companyId: { in: companyIds.slice(group * FILTER_VALUES, (group + 1) * FILTER_VALUES) } }));
  return util.transform.toSubscriptionFilter({ or: groups });
}

/** Positions of the items in {@link Recruiters.add}'s and {@link Recruiters.remove}'s transactions. */
export const RECRUITER_ITEMS = { membership: 0, inverse: 1 } as const;

export const Recruiters = {
  record(input: RecruiterInput, addedAt: string, addedBy: string): CompanyRecruiterRecord {
    return { ...recruiterKey(input.companyId, input.principal), __typename: 'CompanyRecruiter', ...input, addedAt, addedBy };
  },

  /** The membership of `principal` in the company, or null. */
  get(companyId: string, principal: string) {
    return { operation: 'GetItem' as const, key: util.dynamodb.toMapValues(recruiterKey(companyId, principal)) };
  },

  /** Writes the membership, if absent, and its inverse item: one transaction. */
  add(record: CompanyRecruiterRecord) {
    const { PK: _pk, SK: _sk, ...item } = record;
    const inverse: RecruiterCompanyRecord = { __typename: 'RecruiterCompany', companyId: record.companyId, principal: record.principal };
    return transactWrite({
      items: [
        { putItem: { table: TABLE, key: recruiterKey(record.companyId, record.principal), item, condition: { PK: { attributeExists: false } } } },
        { putItem: { table: TABLE, key: recruiterCompanyKey(record.principal, record.companyId), item: inverse } },
      ],
    });
  },

  /** Deletes the membership, while it exists, and its inverse item: one transaction. */
  remove(companyId: string, principal: string) {
    return transactWrite({
      items: [
        { deleteItem: { table: TABLE, key: recruiterKey(companyId, principal), condition: { PK: { attributeExists: true } } } },
        { deleteItem: { table: TABLE, key: recruiterCompanyKey(principal, companyId) } },
      ],
    });
  },

  /** A page of a company's recruiters, by principal. */
  ofCompany(companyId: string, limit?: number | null, nextToken?: string | null) {
    const { PK, prefix } = recruitersOfCompany(companyId);
    return query({ query: { PK: { eq: PK }, SK: { beginsWith: prefix } }, scanIndexForward: true, ...page(limit, nextToken) });
  },

  /** The companies `principal` works for (the first {@link MAX_RECRUITER_COMPANIES}). */
  companiesOf(principal: string) {
    const { PK, prefix } = companiesOfRecruiter(principal);
    return query({ query: { PK: { eq: PK }, SK: { beginsWith: prefix } }, limit: MAX_RECRUITER_COMPANIES });
  },
};

/** What the tenancy steps share through the stash (src/functions/findRecruiterMembership.ts and the steps after it). */
export interface TenancyStash {
  /** The company the request works on: a string to check; null when the item asked for does not exist (nothing to protect). Absent: denied. */
  companyId?: string | null;
  /** The caller's membership of that company by user, when findRecruiterMembership found one. */
  membership?: CompanyRecruiterRecord | null;
  /** Whether the caller may see the company's private side (checkRecruiterOfCompany). */
  member?: boolean;
  /** The companies the caller works for (loadMyCompanies); null for callers not bound to companies. */
  myCompanyIds?: string[] | null;
}

/**
 * The tenancy verdict on `stash.companyId` before any read by email: true (the caller may work on
 * it: not bound to companies, nothing to protect, or a member by user), false (denied: no company
 * named, or no verified email to look up), or the email principal whose membership decides.
 */
export function membershipVerdict(identity: Identity, stash: TenancyStash): boolean | string {
  if (!boundToCompanies(identity) || stash.companyId === null || stash.membership) return true;
  if (typeof stash.companyId !== 'string') return false;
  return callerPrincipals(identity).email ?? false;
}
