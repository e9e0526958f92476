// requireApplication: loads the application named by ctx.stash.applicationId (consistent read); NotFound when it does not exist.
// Its company becomes ctx.stash.companyId, for the tenancy steps after it.
import { util, type Context } from '@aws-appsync/utils';
import { Applications, type ApplicationRecord } from '../data/applications';
import { raise } from '../data/errors';

type Stash = { applicationId: string; companyId?: string | null };

export function request(ctx: Context<unknown, Stash>) {
  return { ...Applications.get(ctx.stash.applicationId), consistentRead: true };
}

export function response(ctx: Context<unknown, Stash, undefined, undefined, ApplicationRecord | null>) {
  if (ctx.error) raise(ctx.error);
  const id = ctx.stash.applicationId;
  if (!ctx.result) util.error(`Application ${id} does not exist`, 'NotFound', null, { id });
  ctx.stash.companyId = ctx.result.companyId;
  return ctx.result;
}
