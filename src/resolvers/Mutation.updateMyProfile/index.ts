// Mutation.updateMyProfile: changes the signed-in candidate's profile, keeping emails unique.
// Pipeline: requireMyCandidate → updateMyCandidate.
import { profileChanges, type CandidateRecord, type ProfileChanges } from '../../data/candidates';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

export function request(ctx: ResolverContext<'Mutation.updateMyProfile', unknown, { changes?: ProfileChanges }>) {
  // Checked before the pipeline's first read: an input out of bounds costs no DynamoDB call.
  ctx.stash.changes = profileChanges(ctx.args.input);
  return {};
}

export function response(
  ctx: ResolverContext<'Mutation.updateMyProfile', unknown, Record<string, unknown>, { result: CandidateRecord }>,
): FieldResult<'Mutation.updateMyProfile'> {
  return ctx.prev.result;
}
