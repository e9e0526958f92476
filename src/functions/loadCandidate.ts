// loadCandidate: the candidate named by ctx.stash.candidateId, or null (also when no id is stashed:
// then nothing is read). GetItem PK=CANDIDATE#id, consistent.
import { runtime, type Context } from '@aws-appsync/utils';
import { Candidates, type CandidateRecord } from '../data/candidates';
import { raise } from '../data/errors';

type Stash = { candidateId?: string | null };

export function request(ctx: Context<unknown, Stash>) {
  if (!ctx.stash.candidateId) runtime.earlyReturn(null);
  return { ...Candidates.get(ctx.stash.candidateId!), consistentRead: true };
}

export function response(ctx: Context<unknown, Stash, undefined, undefined, CandidateRecord | null>): CandidateRecord | null {
  if (ctx.error) raise(ctx.error);
  return ctx.result ?? null;
}
