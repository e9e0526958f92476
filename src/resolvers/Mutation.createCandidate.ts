// Mutation.createCandidate: registers a candidate with a unique email. TransactWriteItems: CANDIDATE#id + EMAIL#<lower-cased>, both if absent.
import { util } from '@aws-appsync/utils';
import { Candidates, CREATE_CANDIDATE_ITEMS, type CandidateRecord } from '../data/candidates';
import { failedCondition, type TransactWriteResult } from '../data/transactions';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

type Stash = { candidate: CandidateRecord };

export function request(ctx: ResolverContext<'Mutation.createCandidate', unknown, Stash>) {
  const { input } = ctx.args;
  const name = input.name.trim();
  if (name === '') util.error('name must not be empty', 'ValidationError', null, { field: 'name' });
  const candidate = Candidates.record({
    id: util.autoId(),
    name,
    email: input.email.trim(),
    phone: input.phone ?? null,
    createdAt: util.time.nowISO8601(),
  });
  ctx.stash.candidate = candidate;
  return Candidates.create(candidate);
}

export function response(ctx: ResolverContext<'Mutation.createCandidate', TransactWriteResult, Stash>): FieldResult<'Mutation.createCandidate'> {
  if (ctx.error) {
    if (failedCondition(ctx.result, CREATE_CANDIDATE_ITEMS.email)) {
      util.error('A candidate with this email already exists', 'Conflict', null, { email: ctx.stash.candidate.email });
    }
    raise(ctx.error, ctx.result);
  }
  return ctx.stash.candidate;
}
