// updateMyCandidate: changes the profile loaded by requireMyCandidate. UpdateItem PK=CANDIDATE#id
// while linked to the caller; with a new email, TransactWriteItems with the EMAIL# guards.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { signedInUser } from '../data/callers';
import { Candidates, CHANGE_EMAIL_ITEMS, type CandidateRecord, type ProfileChanges } from '../data/candidates';
import { raise } from '../data/errors';
import { failedCondition, type TransactWriteResult } from '../data/transactions';

type Stash = { candidate: CandidateRecord; changes: ProfileChanges; emailChange?: boolean; updated?: CandidateRecord };

export function request(ctx: Context<unknown, Stash>) {
  const { candidate, changes } = ctx.stash;
  const { sub } = signedInUser(ctx.identity);
  const { email, ...rest } = changes;
  if (email !== undefined && email !== candidate.email) {
    ctx.stash.emailChange = true;
    ctx.stash.updated = { ...candidate, ...rest, email };
    return Candidates.changeEmail(candidate, sub, { ...rest, email });
  }
  // Nothing to change: the profile as it is, with no write.
  if (Object.keys(rest).length === 0) runtime.earlyReturn(candidate);
  ctx.stash.emailChange = false;
  return Candidates.updateProfile(candidate.id, sub, rest);
}

export function response(ctx: Context<unknown, Stash, undefined, undefined, CandidateRecord | TransactWriteResult | null>): CandidateRecord {
  const { candidate, changes, emailChange } = ctx.stash;
  if (ctx.error) {
    const result = ctx.result as TransactWriteResult | null;
    if (emailChange && failedCondition(result, CHANGE_EMAIL_ITEMS.newEmail)) {
      util.error('A candidate with this email already exists', 'Conflict', null, { email: changes.email });
    }
    const changed = emailChange
      ? failedCondition(result, CHANGE_EMAIL_ITEMS.candidate) || failedCondition(result, CHANGE_EMAIL_ITEMS.oldEmail)
      : ctx.error.type === 'DynamoDB:ConditionalCheckFailedException';
    if (changed) util.error('Your profile changed meanwhile; read it again and retry', 'ConcurrentModification', null, { candidateId: candidate.id });
    raise(ctx.error, ctx.result);
  }
  return emailChange ? ctx.stash.updated! : (ctx.result as CandidateRecord);
}
