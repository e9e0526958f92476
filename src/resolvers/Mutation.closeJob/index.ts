// Mutation.closeJob: closes an OPEN job and takes it off the board, if unchanged since expectedVersion. Pipeline: requireJob → saveJob.
import { extensions } from '@aws-appsync/utils';
import { jobChangeStash, JOB_TRANSITIONS, type JobRecord } from '../../data/jobs';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

export function request(ctx: ResolverContext<'Mutation.closeJob', unknown, Record<string, unknown>>) {
  Object.assign(ctx.stash, jobChangeStash(ctx.args.id, ctx.args.expectedVersion, {}, JOB_TRANSITIONS.close));
  return {};
}

export function response(ctx: ResolverContext<'Mutation.closeJob', unknown, Record<string, unknown>, { result: JobRecord }>): FieldResult<'Mutation.closeJob'> {
  // A closed job takes no applications: the subscriptions waiting for its new ones are ended.
  extensions.invalidateSubscriptions({ subscriptionField: 'onApplicationCreated', payload: { jobId: ctx.prev.result.id } });
  return ctx.prev.result;
}
