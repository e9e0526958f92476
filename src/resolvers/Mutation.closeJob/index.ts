// Mutation.closeJob: closes an OPEN job and takes it off the board, if unchanged since expectedVersion. Pipeline: requireJob → saveJob.
import { JOB_TRANSITIONS, type JobRecord } from '../../data/jobs';
import { assertId } from '../../data/limits';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

export function request(ctx: ResolverContext<'Mutation.closeJob', unknown, Record<string, unknown>>) {
  assertId('id', ctx.args.id);
  ctx.stash.jobId = ctx.args.id;
  ctx.stash.expectedVersion = ctx.args.expectedVersion;
  ctx.stash.changes = {};
  ctx.stash.transition = JOB_TRANSITIONS.close;
  return {};
}

export function response(ctx: ResolverContext<'Mutation.closeJob', unknown, Record<string, unknown>, { result: JobRecord }>): FieldResult<'Mutation.closeJob'> {
  return ctx.prev.result;
}
