// Mutation.createCompany: registers a company with a new id. PutItem PK=COMPANY#id if absent.
import { util } from '@aws-appsync/utils';
import { Companies, type CompanyRecord } from '../data/companies';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Mutation.createCompany'>) {
  const name = ctx.args.input.name.trim();
  if (name === '') util.error('name must not be empty', 'ValidationError', null, { field: 'name' });
  return Companies.create({
    id: util.autoId(),
    name,
    website: ctx.args.input.website ?? null,
    createdAt: util.time.nowISO8601(),
  });
}

export function response(ctx: ResolverContext<'Mutation.createCompany', CompanyRecord>): FieldResult<'Mutation.createCompany'> {
  if (ctx.error) raise(ctx.error);
  return ctx.result;
}
