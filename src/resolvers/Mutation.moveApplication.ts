// Mutation.moveApplication: moves an application to another stage if unchanged since expectedVersion. UpdateItem PK=APPLICATION#id, conditional on version and stage.
import { util } from '@aws-appsync/utils';
import { Applications, stagesLeadingTo, type ApplicationRecord } from '../data/applications';
import { assertId } from '../data/limits';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';

export function request(ctx: ResolverContext<'Mutation.moveApplication'>) {
  const { id, stage } = ctx.args;
  assertId('id', id);
  // No stage leads to APPLIED: refuse without a write whose condition could never hold.
  if (stagesLeadingTo(stage).length === 0) util.error(`No application can move to ${stage}`, 'InvalidTransition', null, { to: stage });
  return Applications.move(id, stage, ctx.args.expectedVersion, util.time.nowISO8601());
}

export function response(ctx: ResolverContext<'Mutation.moveApplication', ApplicationRecord | null>): FieldResult<'Mutation.moveApplication'> {
  const { id, stage, expectedVersion } = ctx.args;
  if (ctx.error) {
    if (ctx.error.type !== 'DynamoDB:ConditionalCheckFailedException') util.error(ctx.error.message, ctx.error.type);
    // After a failed condition the data source re-reads the item: ctx.result is the application as it is now.
    const current = ctx.result;
    if (!current) util.error(`Application ${id} does not exist`, 'NotFound', null, { id });
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
