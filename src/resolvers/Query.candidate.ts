// Query.candidate: a candidate by id, or null. GetItem PK=CANDIDATE#id.
import { Candidates, type CandidateRecord } from '../data/candidates';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Query.candidate'>) {
  return Candidates.get(ctx.args.id);
}

export function response(ctx: ResolverContext<'Query.candidate', CandidateRecord | null>): FieldResult<'Query.candidate'> {
  if (ctx.error) raise(ctx.error);
  return ctx.result;
}
