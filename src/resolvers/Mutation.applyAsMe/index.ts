// Mutation.applyAsMe: applies the signed-in candidate to an open job. Pipeline: requireMyCandidate →
// requireOpenJob → putApplication (the steps applyToJob uses, with the caller's own candidate).
import type { ApplicationRecord } from '../../data/applications';
import { assertId } from '../../data/limits';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

export function request(ctx: ResolverContext<'Mutation.applyAsMe', unknown, { jobId?: string }>) {
  assertId('jobId', ctx.args.jobId);
  ctx.stash.jobId = ctx.args.jobId;
  return {};
}

export function response(
  ctx: ResolverContext<'Mutation.applyAsMe', unknown, Record<string, unknown>, { result: ApplicationRecord }>,
): FieldResult<'Mutation.applyAsMe'> {
  return ctx.prev.result;
}
