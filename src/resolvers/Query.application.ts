// Query.application: an application by id, or null. GetItem PK=APPLICATION#id.
import { Applications, type ApplicationRecord } from '../data/applications';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Query.application'>) {
  return Applications.get(ctx.args.id);
}

export function response(ctx: ResolverContext<'Query.application', ApplicationRecord | null>): FieldResult<'Query.application'> {
  if (ctx.error) raise(ctx.error);
  return ctx.result;
}
