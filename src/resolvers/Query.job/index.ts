// Query.job: a job by id, or null; the API key and recruiters of other companies see only OPEN jobs
// (the job board's view). Pipeline: loadJob (GetItem PK=JOB#id) → findRecruiterMembership →
// checkRecruiterOfCompany.
import { util } from '@aws-appsync/utils';
import type { JobRecord } from '../../data/jobs';
import { assertId } from '../../data/limits';
import type { TenancyStash } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

type Stash = TenancyStash & { jobId?: string };

export function request(ctx: ResolverContext<'Query.job', unknown, Stash>) {
  assertId('id', ctx.args.id);
  ctx.stash.jobId = ctx.args.id;
  return {};
}

export function response(ctx: ResolverContext<'Query.job', unknown, Stash, { result: JobRecord | null }>): FieldResult<'Query.job'> {
  const job = ctx.prev.result;
  // The public job board never learns of a draft or a closed job; nor does another company.
  const boardView = util.authType() === 'API Key Authorization' || ctx.stash.member === false;
  if (job && job.status !== 'OPEN' && boardView) return null;
  return job;
}
