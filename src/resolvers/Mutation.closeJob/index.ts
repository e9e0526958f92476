// Mutation.closeJob: closes an OPEN job and takes it off the board, if unchanged since expectedVersion. Pipeline: requireJob → saveJob.
import { extensions } from '@aws-appsync/utils';
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
  // A closed job takes no applications: the subscriptions waiting for its new ones are ended.
  extensions.invalidateSubscriptions({ subscriptionField: 'onApplicationCreated', payload: { jobId: ctx.prev.result.id } });
  return ctx.prev.result;
}
