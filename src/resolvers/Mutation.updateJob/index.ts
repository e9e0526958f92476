// Mutation.updateJob: changes a job's details if unchanged since expectedVersion. Pipeline: requireJob → saveJob.
import { jobChanges, type JobRecord } from '../../data/jobs';
import { assertId } from '../../data/limits';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

export function request(ctx: ResolverContext<'Mutation.updateJob', unknown, Record<string, unknown>>) {
  assertId('id', ctx.args.id);
  // Checked before the pipeline's first read: an input out of bounds costs no DynamoDB call.
  ctx.stash.changes = jobChanges(ctx.args.input);
  ctx.stash.jobId = ctx.args.id;
  ctx.stash.expectedVersion = ctx.args.expectedVersion;
  return {};
}

export function response(ctx: ResolverContext<'Mutation.updateJob', unknown, Record<string, unknown>, { result: JobRecord }>): FieldResult<'Mutation.updateJob'> {
  return ctx.prev.result;
}
