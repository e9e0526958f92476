// requireCompany: loads the company named by ctx.stash.companyId; NotFound when it does not exist.
// Nothing is read, and the result is null, when ctx.stash.companyId is null (no company named).
import { runtime, util, type Context } from '@aws-appsync/utils';
import { Companies, type CompanyRecord } from '../data/companies';
import { raise } from '../data/errors';

export function request(ctx: Context<unknown, { companyId: string | null }>) {
  if (ctx.stash.companyId === null) runtime.earlyReturn(null);
  return { ...Companies.get(ctx.stash.companyId), consistentRead: true };
}

export function response(ctx: Context<unknown, { companyId: string | null }, undefined, undefined, CompanyRecord | null>) {
  if (ctx.error) raise(ctx.error);
  if (!ctx.result) util.error(`Company ${ctx.stash.companyId} does not exist`, 'NotFound', null, { companyId: ctx.stash.companyId });
  return ctx.result;
}
