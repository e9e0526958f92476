// requireMyCandidate: the candidate linked to the signed-in user; ProfileNotFound before
// createMyProfile. Stashes candidateId and candidate. Query GSI1 on USER#sub.
import { util, type Context } from '@aws-appsync/utils';
import { signedInUser } from '../data/callers';
import { Candidates, type CandidateRecord } from '../data/candidates';
import { raise } from '../data/errors';

type Stash = { candidateId?: string; candidate?: CandidateRecord };

export function request(ctx: Context<unknown, Stash>) {
  return Candidates.byUser(signedInUser(ctx.identity).sub);
}

export function response(ctx: Context<unknown, Stash, undefined, undefined, { items: CandidateRecord[] }>): CandidateRecord {
  if (ctx.error) raise(ctx.error);
  const candidate = ctx.result.items[0];
  if (!candidate) util.error('You have no candidate profile yet: create it with createMyProfile', 'ProfileNotFound', null, { mutation: 'createMyProfile' });
  ctx.stash.candidateId = candidate.id;
  ctx.stash.candidate = candidate;
  return candidate;
}
