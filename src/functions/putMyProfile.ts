// putMyProfile: links the signed-in user to the candidate loaded before (a recruiter registered
// their email), or creates a linked candidate when there is none. TransactWriteItems: the
// candidate (updated if unlinked, or created) + the EMAIL# guard when new + the USER#sub guard.
import { util, type Context } from '@aws-appsync/utils';
import { Candidates, CREATE_CANDIDATE_ITEMS, LINK_CANDIDATE_ITEMS, type CandidateRecord, type ProfileChanges } from '../data/candidates';
import { raise } from '../data/errors';
import { failedCondition, type TransactWriteResult } from '../data/transactions';

type Stash = { sub: string; email: string; name: string; phone: string | null; linking?: boolean; candidate?: CandidateRecord };

export function request(ctx: Context<unknown, Stash, { result: CandidateRecord | null }>) {
  const { sub, email, name, phone } = ctx.stash;
  const existing = ctx.prev.result;
  if (!existing) {
    const candidate = Candidates.record({ id: util.autoId(), name, email, phone, createdAt: util.time.nowISO8601(), userId: sub });
    ctx.stash.candidate = candidate;
    ctx.stash.linking = false;
    return Candidates.create(candidate);
  }
  if (existing.userId === sub) util.error('You have a profile already', 'AlreadyLinked', null, { candidateId: existing.id });
  if (existing.userId) util.error('A candidate with this email belongs to another user', 'Conflict', null, { email });
  // A phone left out keeps the one the recruiter registered.
  const changes: ProfileChanges = phone === null ? { name } : { name, phone };
  ctx.stash.candidate = Candidates.record({ ...existing, ...changes, userId: sub });
  ctx.stash.linking = true;
  return Candidates.link(existing, sub, changes);
}

export function response(ctx: Context<unknown, Stash, { result: CandidateRecord | null }, undefined, TransactWriteResult>): CandidateRecord {
  const { email, linking } = ctx.stash;
  if (ctx.error) {
    const user = failedCondition(ctx.result, linking ? LINK_CANDIDATE_ITEMS.user : CREATE_CANDIDATE_ITEMS.user);
    if (user) util.error('You have a profile already', 'AlreadyLinked', null, { candidateId: user.item ? user.item.candidateId : null });
    // Linking: the candidate was linked or changed its email meanwhile. Creating: the email was
    // registered meanwhile. Either way the email is no longer free for this user as it was read.
    const lost = linking ? failedCondition(ctx.result, LINK_CANDIDATE_ITEMS.candidate) : failedCondition(ctx.result, CREATE_CANDIDATE_ITEMS.email);
    if (lost) util.error('A candidate with this email changed meanwhile; try again', 'Conflict', null, { email, retryable: true });
    raise(ctx.error, ctx.result);
  }
  return ctx.stash.candidate!;
}
