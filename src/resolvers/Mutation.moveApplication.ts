// Mutation.moveApplication: moves an application to another stage if unchanged since expectedVersion. UpdateItem PK=APPLICATION#id, conditional on version and stage.
import { util } from '@aws-appsync/utils';
import { Applications, stagesLeadingTo, type ApplicationRecord } from '../data/applications';
import { raise } from '../data/errors';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';

type Stash = { moveToken: string };

export function request(ctx: ResolverContext<'Mutation.moveApplication', unknown, Stash>) {
  const { id, stage } = ctx.args;
  // No stage leads to APPLIED: refuse without a write whose condition could never hold.
  if (stagesLeadingTo(stage).length === 0) util.error(`No application can move to ${stage}`, 'InvalidTransition', null, { to: stage });
  ctx.stash.moveToken = util.autoId();
  return Applications.move(id, stage, ctx.args.expectedVersion, util.time.nowISO8601(), ctx.stash.moveToken);
}

export function response(ctx: ResolverContext<'Mutation.moveApplication', ApplicationRecord | null, Stash>): FieldResult<'Mutation.moveApplication'> {
  const { id, stage, expectedVersion } = ctx.args;
  if (ctx.error) {
    // A failed re-read comes back as its own error (never as a missing item).
    if (ctx.error.type !== 'DynamoDB:ConditionalCheckFailedException') raise(ctx.error);
    // After a failed condition the data source re-reads the item: ctx.result is the application as it is now.
    const current = ctx.result;
    if (!current) util.error(`Application ${id} does not exist`, 'NotFound', null, { id });
    // This very move committed, but its response was lost and the SDK's retry failed the condition.
    const { moveToken } = ctx.stash;
    if (moveToken && current.moveToken === moveToken && current.version === expectedVersion + 1) return current;
    if (current.version !== expectedVersion) {
      util.error(`Application ${id} has changed since version ${expectedVersion}`, 'ConcurrentModification', null, {
        currentVersion: current.version,
        currentStage: current.stage,
      });
    }
    util.error(`An application in ${current.stage} cannot move to ${stage}`, 'InvalidTransition', null, { from: current.stage, to: stage });
  }
  return ctx.result!;
}
