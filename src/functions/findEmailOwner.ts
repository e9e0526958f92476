// findEmailOwner: reads the email guard of ctx.stash.email (any letter case) and stashes the
// candidateId holding it, or null. GetItem PK=EMAIL#<lower-cased>, consistent.
import type { Context } from '@aws-appsync/utils';
import { Candidates, type CandidateEmailRecord } from '../data/candidates';
import { raise } from '../data/errors';

type Stash = { email: string; candidateId?: string | null };

export function request(ctx: Context<unknown, Stash>) {
  return Candidates.emailOwner(ctx.stash.email);
}

export function response(ctx: Context<unknown, Stash, undefined, undefined, CandidateEmailRecord | null>) {
  if (ctx.error) raise(ctx.error);
  ctx.stash.candidateId = ctx.result ? ctx.result.candidateId : null;
  return ctx.result;
}
