// Mutation.createCompany: registers a company with a new id. PutItem PK=COMPANY#id if absent.
import { util, type Context } from '@aws-appsync/utils';
import { Companies, type CompanyRecord } from '../data/companies';

type Args = { input: { name: string; website?: string | null } };

export function request(ctx: Context<Args>) {
  const name = ctx.args.input.name.trim();
  if (name === '') util.error('name must not be empty', 'ValidationError', null, { field: 'name' });
  return Companies.create({
    id: util.autoId(),
    name,
    website: ctx.args.input.website ?? null,
    createdAt: util.time.nowISO8601(),
  });
}

export function response(ctx: Context<Args, object, undefined, undefined, CompanyRecord>) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
