// loadMyCompanies: the companies the caller works for by user, into ctx.stash.myCompanyIds, for a
// recruiter who is not an admin; null for other callers (nothing read). loadMyCompaniesByEmail, the
// step after, adds those by email. Passes the previous result on. Query PK=RECRUITER#USER#sub.
import { runtime, type Context } from '@aws-appsync/utils';
import { boundToCompanies } from '../data/callers';
import { raise } from '../data/errors';
import { callerPrincipals, Recruiters, type RecruiterCompanyRecord, type TenancyStash } from '../data/recruiters';

export function request(ctx: Context<unknown, TenancyStash, { result: unknown }>) {
  if (!boundToCompanies(ctx.identity)) {
    ctx.stash.myCompanyIds = null;
    runtime.earlyReturn(ctx.prev.result);
  }
  return Recruiters.companiesOf(callerPrincipals(ctx.identity).user);
}

export function response(ctx: Context<unknown, TenancyStash, { result: unknown }, undefined, { items: RecruiterCompanyRecord[] }>): unknown {
  if (ctx.error) raise(ctx.error);
  ctx.stash.myCompanyIds = ctx.result.items.map((item) => item.companyId);
  return ctx.prev.result;
}
