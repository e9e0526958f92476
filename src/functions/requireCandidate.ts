// requireCandidate: loads the candidate named by ctx.stash.candidateId; NotFound when it does not exist.
import { util, type Context } from '@aws-appsync/utils';
import { Candidates, type CandidateRecord } from '../data/candidates';
import { raise } from '../data/errors';

export function request(ctx: Context<unknown, { candidateId: string }>) {
  return { ...Candidates.get(ctx.stash.candidateId), consistentRead: true };
}

export function response(ctx: Context<unknown, { candidateId: string }, undefined, undefined, CandidateRecord | null>) {
  if (ctx.error) raise(ctx.error);
  if (!ctx.result) util.error(`Candidate ${ctx.stash.candidateId} does not exist`, 'NotFound', null, { candidateId: ctx.stash.candidateId });
  return ctx.result;
}
