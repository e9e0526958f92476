// Mutation.moveApplication: moves an application to another stage if unchanged since expectedVersion, keeping its job's stage counts. Pipeline: requireApplication → changeStage.
import { util } from '@aws-appsync/utils';
import { stagesLeadingTo, type ApplicationRecord } from '../../data/applications';
import { assertId } from '../../data/limits';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

export function request(ctx: ResolverContext<'Mutation.moveApplication', unknown, Record<string, unknown>>) {
  const { id, stage } = ctx.args;
  assertId('id', id);
  // No stage leads to APPLIED: refuse before any read.
  if (stagesLeadingTo(stage).length === 0) util.error(`No application can move to ${stage}`, 'InvalidTransition', null, { to: stage });
  ctx.stash.applicationId = id;
  ctx.stash.stage = stage;
  ctx.stash.expectedVersion = ctx.args.expectedVersion;
  ctx.stash.moveToken = util.autoId();
  return {};
}

export function response(
  ctx: ResolverContext<'Mutation.moveApplication', unknown, Record<string, unknown>, { result: ApplicationRecord }>,
): FieldResult<'Mutation.moveApplication'> {
  return ctx.prev.result;
}
