/** Candidates: the stored record, the email guard and pure request builders. */
import { util } from '@aws-appsync/utils';
import { transactWrite } from '@aws-appsync/utils/dynamodb';
import { candidateKey, emailKey, TABLE } from './keys';
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
  /** The Cognito `sub` of the user signed in as this candidate, once linked. */
  userId?: string | null;
}

/** A candidate to register, checked against the schema's limits: name and email trimmed, the phone as given. */
export function candidateInput(input: { name: string; email: string; phone?: string | null }): { name: string; email: string; phone: string | null } {
  const name = requiredText('name', input.name, LIMITS.candidateName);
  const email = input.email.trim();
  assertMaxLength('email', email, LIMITS.email);
  return { name, email, phone: optionalText('phone', input.phone, LIMITS.phone) };
}

/** Positions of the items in {@link Candidates.create}'s transaction, to read its cancellation reasons. */
export const CREATE_CANDIDATE_ITEMS = { candidate: 0, email: 1 } as const;

export const Candidates = {
  get(id: string) {
    return { operation: 'GetItem' as const, key: util.dynamodb.toMapValues(candidateKey(id)) };
  },

  /** The record {@link Candidates.create} writes. */
  record(candidate: Omit<CandidateRecord, 'PK' | 'SK' | '__typename'>): CandidateRecord {
    return { ...candidate, ...candidateKey(candidate.id), __typename: 'Candidate' };
  },

  /**
   * Writes the candidate and its email guard in one transaction: both conditions must hold, so a
   * taken email (in any letter case) cancels the whole write.
   */
  create(record: CandidateRecord) {
    const absent = { PK: { attributeExists: false } };
    const { PK: _pk, SK: _sk, ...item } = record;
    const email = emailKey(record.email);
    return transactWrite({
      items: [
        { putItem: { table: TABLE, key: candidateKey(record.id), item, condition: absent } },
        { putItem: { table: TABLE, key: email, item: { __typename: 'CandidateEmail', candidateId: record.id, email: record.email }, condition: absent } },
      ],
    });
  },
};
