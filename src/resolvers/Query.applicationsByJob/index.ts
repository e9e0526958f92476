// Query.applicationsByJob: a page of a job's applications, optionally in one stage, for its company's
// recruiters and admins (an empty page for a job that does not exist). Pipeline: loadJob (GetItem
// PK=JOB#jobId) → findRecruiterMembership → assertRecruiterOfCompany → listJobApplications (Query GSI1 on JOB#jobId).
import { assertId } from '../../data/limits';
import { assertPageSize } from '../../data/pages';
import type { TenancyStash } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

type Stash = TenancyStash & { jobId?: string };

export function request(ctx: ResolverContext<'Query.applicationsByJob', unknown, Stash>) {
  assertId('jobId', ctx.args.jobId);
  assertPageSize(ctx.args.limit);
  ctx.stash.jobId = ctx.args.jobId;
  return {};
}

export function response(
  ctx: ResolverContext<'Query.applicationsByJob', unknown, Stash, { result: FieldResult<'Query.applicationsByJob'> }>,
): FieldResult<'Query.applicationsByJob'> {
  return ctx.prev.result;
}
