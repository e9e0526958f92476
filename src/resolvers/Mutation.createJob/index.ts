// Mutation.createJob: posts a job for an existing company. Pipeline: requireCompany → putJob.
import { jobInput, type JobInput, type JobRecord } from '../../data/jobs';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

export function request(ctx: ResolverContext<'Mutation.createJob', unknown, { companyId?: string; job?: JobInput }>) {
  // Checked before the pipeline's first read: an input out of bounds costs no DynamoDB call.
  const job = jobInput(ctx.args.input);
  ctx.stash.job = job;
  ctx.stash.companyId = job.companyId;
  return {};
}

export function response(ctx: ResolverContext<'Mutation.createJob', unknown, Record<string, unknown>, { result: JobRecord }>): FieldResult<'Mutation.createJob'> {
  return ctx.prev.result;
}
