// Mutation.updateJob: changes a job's details if unchanged since expectedVersion. Pipeline: requireJob → saveJob.
import { jobChangeStash, jobChanges, type JobRecord } from '../../data/jobs';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

export function request(ctx: ResolverContext<'Mutation.updateJob', unknown, Record<string, unknown>>) {
  const stash = jobChangeStash(ctx.args.id, ctx.args.expectedVersion, {});
  // Checked (after the id) before the pipeline's first read: an input out of bounds costs no DynamoDB call.
  Object.assign(ctx.stash, stash, { changes: jobChanges(ctx.args.input) });
  return {};
}

export function response(ctx: ResolverContext<'Mutation.updateJob', unknown, Record<string, unknown>, { result: JobRecord }>): FieldResult<'Mutation.updateJob'> {
  return ctx.prev.result;
}
