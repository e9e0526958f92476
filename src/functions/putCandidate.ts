// putCandidate: registers the candidate ctx.stash.input for the company ctx.stash.companyId (or for
// none: null), which then knows it. TransactWriteItems: CANDIDATE#id + EMAIL#<lower-cased>, both if
// absent, + CANDIDATE#id / COMPANY#companyId.
import { util, type Context } from '@aws-appsync/utils';
import { Candidates, CREATE_CANDIDATE_ITEMS, type CandidateRecord } from '../data/candidates';
import { raise } from '../data/errors';
import { failedCondition, type TransactWriteResult } from '../data/transactions';

type Stash = { input: { name: string; email: string; phone: string | null }; companyId: string | null; candidate?: CandidateRecord };

export function request(ctx: Context<unknown, Stash>) {
  const candidate = Candidates.record({ id: util.autoId(), ...ctx.stash.input, createdAt: util.time.nowISO8601() });
  ctx.stash.candidate = candidate;
  return Candidates.create(candidate, ctx.stash.companyId);
}

export function response(ctx: Context<unknown, Stash, undefined, undefined, TransactWriteResult>): CandidateRecord {
  if (ctx.error) {
    if (failedCondition(ctx.result, CREATE_CANDIDATE_ITEMS.email)) {
      util.error('A candidate with this email already exists', 'Conflict', null, { email: ctx.stash.input.email });
    }
    raise(ctx.error, ctx.result);
  }
  return ctx.stash.candidate!;
}
