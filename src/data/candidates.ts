/** Candidates: the stored record, the email and user guards, and pure request builders. */
import { util } from '@aws-appsync/utils';
import { query, transactWrite, update } from '@aws-appsync/utils/dynamodb';
import { candidateCompanyKey, candidateKey, candidateOfUser, candidatePartition, candidateUserKeys, emailKey, GSI1, TABLE, userKey } from './keys';
import { assertMaxLength, LIMITS, optionalText, requiredText } from './limits';

export interface CandidateRecord {
  PK: string;
  SK: string;
  __typename: 'Candidate';
  id: string;
  name: string;
  email: string;
  phone?: string | null;
  createdAt: string;
  /** The Cognito `sub` of the user this candidate signs in as; absent until linked. */
  userId?: string | null;
  /** USER#<userId> when linked: finds the candidate of a signed-in user (keys.ts, pattern 11). */
  GSI1PK?: string;
  GSI1SK?: string;
}

/** The email guard item: which candidate holds an email, in any letter case. */
export interface CandidateEmailRecord {
  __typename: 'CandidateEmail';
  candidateId: string;
  email: string;
}

/** A company knows a candidate it registered or who applied to one of its jobs (keys.ts): its recruiters read the candidate. */
export interface CandidateCompanyRecord {
  __typename: 'CandidateCompany';
  candidateId: string;
  companyId: string;
}

/** The item (without keys) saying that `companyId` knows the candidate. */
export function candidateCompanyItem(candidateId: string, companyId: string): CandidateCompanyRecord {
  return { __typename: 'CandidateCompany', candidateId, companyId };
}

/** The candidate and the ids of the companies that know it, from a Query of its partition ({@link Candidates.withCompanies}). */
export function candidateWithCompanies(items: Array<CandidateRecord | CandidateCompanyRecord>): { candidate: CandidateRecord | null; companyIds: string[] } {
  let candidate: CandidateRecord | null = null;
  const companyIds: string[] = [];
  for (const item of items) {
    if (item.__typename === 'Candidate') candidate = item;
    else if (item.__typename === 'CandidateCompany') companyIds.push(item.companyId);
  }
  return { candidate, companyIds };
}

/** A candidate to register, checked against the schema's limits: name and email trimmed, the phone as given. */
export function candidateInput(input: { name: string; email: string; phone?: string | null }): { name: string; email: string; phone: string | null } {
  const name = requiredText('name', input.name, LIMITS.candidateName);
  return { name, email: emailInput(input.email), phone: optionalText('phone', input.phone, LIMITS.phone) };
}

/** An email checked against the schema's limit, surrounding spaces removed. */
export function emailInput(value: string): string {
  const email = value.trim();
  assertMaxLength('email', email, LIMITS.email);
  return email;
}

/** A change to one's own profile: only the fields given change; `phone: null` removes the phone. */
export interface ProfileChanges {
  name?: string;
  email?: string;
  phone?: string | null;
}

/** The changes of `updateMyProfile`'s input, checked against the schema's limits. */
export function profileChanges(input: { name?: string | null; email?: string | null; phone?: string | null }): ProfileChanges {
  const changes: ProfileChanges = {};
  if (input.name !== undefined && input.name !== null) changes.name = requiredText('name', input.name, LIMITS.candidateName);
  if (input.email !== undefined && input.email !== null) changes.email = emailInput(input.email);
  if (input.phone !== undefined) changes.phone = optionalText('phone', input.phone, LIMITS.phone);
  return changes;
}

/** Positions of the items in {@link Candidates.create}'s transaction, to read its cancellation reasons. */
export const CREATE_CANDIDATE_ITEMS = { candidate: 0, email: 1, user: 2 } as const;
/** Positions of the items in {@link Candidates.link}'s transaction. */
export const LINK_CANDIDATE_ITEMS = { candidate: 0, user: 1 } as const;
/** Positions of the items in {@link Candidates.changeEmail}'s transaction. */
export const CHANGE_EMAIL_ITEMS = { candidate: 0, oldEmail: 1, newEmail: 2 } as const;

const absent = { PK: { attributeExists: false } };

/** The candidate's fields as an UpdateItem sets them (`phone: null` removes the attribute). */
function profileUpdate(changes: ProfileChanges): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) if (value !== undefined) values[field] = value;
  return values;
}

/** The guard item that links the user `sub` to one candidate, written only if absent. */
function userGuard(sub: string, candidateId: string) {
  return { putItem: { table: TABLE, key: userKey(sub), item: { __typename: 'CandidateUser', candidateId }, condition: absent } };
}

export const Candidates = {
  get(id: string) {
    return { operation: 'GetItem' as const, key: util.dynamodb.toMapValues(candidateKey(id)) };
  },

  /** The email guard of `email`, in any letter case: its `candidateId` names the candidate holding it. */
  emailOwner(email: string) {
    return { operation: 'GetItem' as const, key: util.dynamodb.toMapValues(emailKey(email)), consistentRead: true };
  },

  /** The candidate linked to the user `sub`, as a page of at most one (keys.ts, pattern 11). */
  byUser(sub: string) {
    const { GSI1PK, prefix } = candidateOfUser(sub);
    return query({ index: GSI1, query: { GSI1PK: { eq: GSI1PK }, GSI1SK: { beginsWith: prefix } }, limit: 1 });
  },

  /** The record {@link Candidates.create} writes; with `userId`, linked to that user. */
  record(candidate: Omit<CandidateRecord, 'PK' | 'SK' | '__typename' | 'GSI1PK' | 'GSI1SK'>): CandidateRecord {
    const linked = candidate.userId ? candidateUserKeys(candidate.userId, candidate.id) : {};
    return { ...candidate, ...candidateKey(candidate.id), ...linked, __typename: 'Candidate' };
  },

  /**
   * Writes the candidate and its email guard in one transaction: both conditions must hold, so a
   * taken email (in any letter case) cancels the whole write. A candidate linked to a user also
   * writes the user's guard, so that no user links to two candidates; a candidate a company
   * registers, the item saying that the company knows it (last).
   */
  create(record: CandidateRecord, companyId?: string | null) {
    const { PK: _pk, SK: _sk, ...item } = record;
    const email = emailKey(record.email);
    const guard: CandidateEmailRecord = { __typename: 'CandidateEmail', candidateId: record.id, email: record.email };
    return transactWrite({
      items: [
        { putItem: { table: TABLE, key: candidateKey(record.id), item, condition: absent } },
        { putItem: { table: TABLE, key: email, item: guard, condition: absent } },
        ...(record.userId ? [userGuard(record.userId, record.id)] : []),
        ...(companyId ? [{ putItem: { table: TABLE, key: candidateCompanyKey(record.id, companyId), item: candidateCompanyItem(record.id, companyId) } }] : []),
      ],
    });
  },

  /** The candidate's partition: the candidate (first) and the companies that know it (keys.ts, pattern 23). */
  withCompanies(id: string) {
    return query({ query: { PK: { eq: candidatePartition(id).PK } } });
  },

  /**
   * Links an existing candidate, still unlinked and still holding `email`, to the user `sub`, with
   * the profile changes given, and writes the user's guard: one transaction.
   */
  link(candidate: CandidateRecord, sub: string, changes: ProfileChanges) {
    return transactWrite({
      items: [
        {
          updateItem: {
            table: TABLE,
            key: candidateKey(candidate.id),
            update: { ...profileUpdate(changes), userId: sub, ...candidateUserKeys(sub, candidate.id) },
            condition: { PK: { attributeExists: true }, userId: { attributeExists: false }, email: { eq: candidate.email } },
          },
        },
        userGuard(sub, candidate.id),
      ],
    });
  },

  /** Changes a linked candidate's profile, email unchanged; only while still linked to `sub`. Returns the new item. */
  updateProfile(id: string, sub: string, changes: ProfileChanges) {
    return update({ key: candidateKey(id), update: profileUpdate(changes), condition: { userId: { eq: sub } } });
  },

  /**
   * Changes a linked candidate's profile and email in one transaction with its email guard: the
   * old guard is deleted and the new one written if absent, so the email stays unique in any
   * letter case; a change of letter case alone rewrites the same guard.
   */
  changeEmail(current: CandidateRecord, sub: string, changes: ProfileChanges & { email: string }) {
    const candidate = {
      updateItem: {
        table: TABLE,
        key: candidateKey(current.id),
        update: profileUpdate(changes),
        condition: { userId: { eq: sub }, email: { eq: current.email } },
      },
    };
    const mine = { candidateId: { eq: current.id } };
    const guard: CandidateEmailRecord = { __typename: 'CandidateEmail', candidateId: current.id, email: changes.email };
    if (current.email.toLowerCase() === changes.email.toLowerCase()) {
      return transactWrite({
        items: [candidate, { updateItem: { table: TABLE, key: emailKey(current.email), update: { email: changes.email }, condition: mine } }],
      });
    }
    return transactWrite({
      items: [
        candidate,
        { deleteItem: { table: TABLE, key: emailKey(current.email), condition: mine } },
        { putItem: { table: TABLE, key: emailKey(changes.email), item: guard, condition: absent } },
      ],
    });
  },
};
