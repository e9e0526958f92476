// requireApplication: loads the application named by ctx.stash.applicationId (consistent read); NotFound when it does not exist.
import { util, type Context } from '@aws-appsync/utils';
import { Applications, type ApplicationRecord } from '../data/applications';
import { raise } from '../data/errors';

export function request(ctx: Context<unknown, { applicationId: string }>) {
  return { ...Applications.get(ctx.stash.applicationId), consistentRead: true };
}

export function response(ctx: Context<unknown, { applicationId: string }, undefined, undefined, ApplicationRecord | null>) {
  if (ctx.error) raise(ctx.error);
  const id = ctx.stash.applicationId;
  if (!ctx.result) util.error(`Application ${id} does not exist`, 'NotFound', null, { id });
  return ctx.result;
}
