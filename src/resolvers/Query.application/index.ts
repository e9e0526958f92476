// Query.application: an application by id, or null, for its company's recruiters and admins.
// Pipeline: loadApplication (GetItem PK=APPLICATION#id) → findRecruiterMembership → assertRecruiterOfCompany.
import type { ApplicationRecord } from '../../data/applications';
import { assertId } from '../../data/limits';
import type { TenancyStash } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

type Stash = TenancyStash & { applicationId?: string };

export function request(ctx: ResolverContext<'Query.application', unknown, Stash>) {
  assertId('id', ctx.args.id);
  ctx.stash.applicationId = ctx.args.id;
  return {};
}

export function response(ctx: ResolverContext<'Query.application', unknown, Stash, { result: ApplicationRecord | null }>): FieldResult<'Query.application'> {
  return ctx.prev.result;
}
