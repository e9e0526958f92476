// Query.findCandidateByEmail: the candidate holding an email in any letter case, or null. Pipeline:
// findEmailOwner (GetItem EMAIL#<lower-cased>) → loadCandidate (GetItem CANDIDATE#id).
import type { CandidateRecord } from '../../data/candidates';
import { emailInput } from '../../data/candidates';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

export function request(ctx: ResolverContext<'Query.findCandidateByEmail', unknown, { email?: string }>) {
  ctx.stash.email = emailInput(ctx.args.email);
  return {};
}

export function response(
  ctx: ResolverContext<'Query.findCandidateByEmail', unknown, Record<string, unknown>, { result: CandidateRecord | null }>,
): FieldResult<'Query.findCandidateByEmail'> {
  return ctx.prev.result;
}
