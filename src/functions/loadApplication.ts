// loadApplication: the application ctx.stash.applicationId, or null; its company becomes
// ctx.stash.companyId for the tenancy steps (null when there is no application). GetItem PK=APPLICATION#id.
import type { Context } from '@aws-appsync/utils';
import { Applications, type ApplicationRecord } from '../data/applications';
import { raise } from '../data/errors';
import type { TenancyStash } from '../data/recruiters';

type Stash = TenancyStash & { applicationId: string };

export function request(ctx: Context<unknown, Stash>) {
  return Applications.get(ctx.stash.applicationId);
}

export function response(ctx: Context<unknown, Stash, undefined, undefined, ApplicationRecord | null>): ApplicationRecord | null {
  if (ctx.error) raise(ctx.error);
  ctx.stash.companyId = ctx.result ? ctx.result.companyId : null;
  return ctx.result;
}
