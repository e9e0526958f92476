// Query.company: a company by id, or null. GetItem PK=COMPANY#id.
import { util, type Context } from '@aws-appsync/utils';
import { Companies, type CompanyRecord } from '../data/companies';

export function request(ctx: Context<{ id: string }>) {
  return Companies.get(ctx.args.id);
}

export function response(ctx: Context<{ id: string }, object, undefined, undefined, CompanyRecord | null>) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
