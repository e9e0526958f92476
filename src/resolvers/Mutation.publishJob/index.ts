// Mutation.publishJob: opens a DRAFT job and lists it on the board, if unchanged since expectedVersion. Pipeline: requireJob → saveJob.
import { JOB_TRANSITIONS, type JobRecord } from '../../data/jobs';
import { assertId } from '../../data/limits';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

export function request(ctx: ResolverContext<'Mutation.publishJob', unknown, Record<string, unknown>>) {
  assertId('id', ctx.args.id);
  ctx.stash.jobId = ctx.args.id;
  ctx.stash.expectedVersion = ctx.args.expectedVersion;
  ctx.stash.changes = {};
  ctx.stash.transition = JOB_TRANSITIONS.publish;
  return {};
}

export function response(ctx: ResolverContext<'Mutation.publishJob', unknown, Record<string, unknown>, { result: JobRecord }>): FieldResult<'Mutation.publishJob'> {
  return ctx.prev.result;
}
