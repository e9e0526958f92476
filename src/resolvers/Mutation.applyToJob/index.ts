// Mutation.applyToJob: applies a candidate to an open job; a recruiter, a candidate their companies
// know to a job of theirs. Pipeline: requireOpenJob → loadMyCompanies → loadMyCompaniesByEmail →
// requireMyCompany → loadVisibleCandidate → putApplication.
import type { ApplicationRecord } from '../../data/applications';
import { assertId } from '../../data/limits';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

export function request(ctx: ResolverContext<'Mutation.applyToJob', unknown, { jobId?: string; candidateId?: string; candidateRequired?: boolean }>) {
  assertId('jobId', ctx.args.jobId);
  assertId('candidateId', ctx.args.candidateId);
  ctx.stash.jobId = ctx.args.jobId;
  ctx.stash.candidateId = ctx.args.candidateId;
  ctx.stash.candidateRequired = true;
  return {};
}

export function response(
  ctx: ResolverContext<'Mutation.applyToJob', unknown, Record<string, unknown>, { result: ApplicationRecord }>,
): FieldResult<'Mutation.applyToJob'> {
  return ctx.prev.result;
}
