// Candidate.applications: a page of the parent candidate's applications, newest first; a recruiter
// reads only those to their companies' jobs, a candidate only their own. Pipeline: loadMyCompanies →
// loadMyCompaniesByEmail → listCandidateApplications (Query GSI2 on CANDIDATE#source.id, filtered on companyId).
import { assertMayReadCandidate } from '../../data/callers';
import { assertPageSize } from '../../data/pages';
import type { TenancyStash } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

type Stash = TenancyStash & { candidateId?: string };

export function request(ctx: ResolverContext<'Candidate.applications', unknown, Stash>) {
  assertMayReadCandidate(ctx.identity, ctx.source!);
  assertPageSize(ctx.args.limit);
  ctx.stash.candidateId = ctx.source!.id;
  return {};
}

export function response(
  ctx: ResolverContext<'Candidate.applications', unknown, Stash, { result: FieldResult<'Candidate.applications'> }>,
): FieldResult<'Candidate.applications'> {
  return ctx.prev.result;
}
