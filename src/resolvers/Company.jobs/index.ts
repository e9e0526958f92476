// Company.jobs: a page of the parent company's jobs, newest first; only the OPEN ones for the API key
// and recruiters of other companies. Pipeline: findRecruiterMembership → checkRecruiterOfCompany →
// listCompanyJobs (Query GSI1 on COMPANY#source.id, or GSI4 on OPEN#COMPANY#source.id).
import { assertPageSize } from '../../data/pages';
import type { TenancyStash } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

export function request(ctx: ResolverContext<'Company.jobs', unknown, TenancyStash>) {
  assertPageSize(ctx.args.limit);
  ctx.stash.companyId = ctx.source!.id;
  return {};
}

export function response(ctx: ResolverContext<'Company.jobs', unknown, TenancyStash, { result: FieldResult<'Company.jobs'> }>): FieldResult<'Company.jobs'> {
  return ctx.prev.result;
}
