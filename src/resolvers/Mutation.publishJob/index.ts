// Mutation.publishJob: opens a DRAFT job and lists it on the board, if unchanged since expectedVersion. Pipeline: requireJob → saveJob.
import { jobChangeStash, JOB_TRANSITIONS, type JobRecord } from '../../data/jobs';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

export function request(ctx: ResolverContext<'Mutation.publishJob', unknown, Record<string, unknown>>) {
  Object.assign(ctx.stash, jobChangeStash(ctx.args.id, ctx.args.expectedVersion, {}, JOB_TRANSITIONS.publish));
  return {};
}

export function response(ctx: ResolverContext<'Mutation.publishJob', unknown, Record<string, unknown>, { result: JobRecord }>): FieldResult<'Mutation.publishJob'> {
  return ctx.prev.result;
}
