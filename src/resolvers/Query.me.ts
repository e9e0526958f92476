// Query.me: the signed-in candidate's own profile, or null before createMyProfile. Query GSI1 on USER#sub.
import { signedInUser } from '../data/callers';
import { Candidates, type CandidateRecord } from '../data/candidates';
import { raise } from '../data/errors';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';

export function request(ctx: ResolverContext<'Query.me'>) {
  return Candidates.byUser(signedInUser(ctx.identity).sub);
}

export function response(ctx: ResolverContext<'Query.me', { items: CandidateRecord[] }>): FieldResult<'Query.me'> {
  if (ctx.error) raise(ctx.error);
  return ctx.result.items[0] ?? null;
}
