// Mutation.withdrawApplication: moves an application to WITHDRAWN if unchanged since expectedVersion; a candidate only their own. Pipeline: requireApplication → authorizeWithdrawal → changeStage.
import { util } from '@aws-appsync/utils';
import type { ApplicationRecord } from '../../data/applications';
import { assertId } from '../../data/limits';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

export function request(ctx: ResolverContext<'Mutation.withdrawApplication', unknown, Record<string, unknown>>) {
  assertId('id', ctx.args.id);
  ctx.stash.applicationId = ctx.args.id;
  ctx.stash.stage = 'WITHDRAWN';
  ctx.stash.expectedVersion = ctx.args.expectedVersion;
  ctx.stash.moveToken = util.autoId();
  return {};
}

export function response(
  ctx: ResolverContext<'Mutation.withdrawApplication', unknown, Record<string, unknown>, { result: ApplicationRecord }>,
): FieldResult<'Mutation.withdrawApplication'> {
  return ctx.prev.result;
}
