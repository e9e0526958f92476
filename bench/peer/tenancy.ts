/**
 * The peer's tenancy (docs/tenancy.md), as a team writes it by hand: a recruiter who is not an admin
 * works for the companies their memberships name, by user and by email, read once per request and
 * then checked in memory; a candidate is theirs when one of those companies knows it.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { candidatePartition, companiesOfRecruiter, emailPrincipal, userPrincipal } from '../../src/data/keys';
import { notAuthorized, type Caller } from './auth';
import type { Store } from './data';

export interface Tenancy {
  /** The caller's companies; null for callers not bound to companies (admins, candidates, the API key). */
  companies(): Promise<Set<string> | null>;
  /** Whether the caller may see the private side of `companyId`. */
  isMember(companyId: string): Promise<boolean>;
  /** Unauthorized unless the caller may work on `companyId`. */
  assertMember(companyId: string | undefined): Promise<void>;
  /** Unauthorized unless one of the caller's companies knows the candidate. */
  assertKnows(candidateId: string): Promise<void>;
}

/** The `companyId`s of the items of one partition whose sort keys begin with COMPANY#. */
async function companyIdsIn(store: Store, pk: string): Promise<string[]> {
  const { Items } = await store.doc.send(
    new QueryCommand({ TableName: store.table, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :company)', ExpressionAttributeValues: { ':pk': pk, ':company': 'COMPANY#' } }),
  );
  return (Items ?? []).map((item) => String(item.companyId));
}

export function createTenancy(caller: Caller, store: Store): Tenancy {
  const bound = caller.mode === 'USER_POOL' && caller.groups.includes('recruiters') && !caller.groups.includes('admins');
  let mine: Promise<Set<string> | null> | undefined;
  const companies = () =>
    (mine ??= (async () => {
      if (!bound || caller.mode !== 'USER_POOL') return null;
      const principals = [userPrincipal(caller.sub), ...(caller.email && caller.emailVerified ? [emailPrincipal(caller.email.trim())] : [])];
      const lists = await Promise.all(principals.map((principal) => companyIdsIn(store, companiesOfRecruiter(principal).PK)));
      return new Set(lists.flat());
    })());
  const isMember = async (companyId: string) => {
    const ids = await companies();
    return !ids || ids.has(companyId);
  };
  return {
    companies,
    isMember,
    async assertMember(companyId) {
      const ids = await companies();
      if (ids && !(companyId && ids.has(companyId))) throw notAuthorized();
    },
    async assertKnows(candidateId) {
      const ids = await companies();
      if (!ids) return;
      const knowing = await companyIdsIn(store, candidatePartition(candidateId).PK);
      if (!knowing.some((id) => ids.has(id))) throw notAuthorized();
    },
  };
}
