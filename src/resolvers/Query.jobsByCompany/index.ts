// Query.jobsByCompany: a page of a company's jobs, newest first; only the OPEN ones for the API key
// and recruiters of other companies. Pipeline: findRecruiterMembership → checkRecruiterOfCompany →
// listCompanyJobs (Query GSI1 on COMPANY#companyId, or GSI4 on OPEN#COMPANY#companyId).
import { assertId } from '../../data/limits';
import { assertPageSize } from '../../data/pages';
import type { TenancyStash } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

export function request(ctx: ResolverContext<'Query.jobsByCompany', unknown, TenancyStash>) {
  assertId('companyId', ctx.args.companyId);
  assertPageSize(ctx.args.limit);
  ctx.stash.companyId = ctx.args.companyId;
  return {};
}

export function response(ctx: ResolverContext<'Query.jobsByCompany', unknown, TenancyStash, { result: FieldResult<'Query.jobsByCompany'> }>): FieldResult<'Query.jobsByCompany'> {
  return ctx.prev.result;
}
