// loadMyCompaniesByEmail: adds to ctx.stash.myCompanyIds (loadMyCompanies, the step before) the
// companies the caller works for by their verified email. Passes the previous result on. Query
// PK=RECRUITER#EMAIL#<email>; nothing read for a caller with no list or no verified email.
import { runtime, type Context } from '@aws-appsync/utils';
import { raise } from '../data/errors';
import { callerPrincipals, Recruiters, type RecruiterCompanyRecord, type TenancyStash } from '../data/recruiters';

export function request(ctx: Context<unknown, TenancyStash, { result: unknown }>) {
  const email = ctx.stash.myCompanyIds ? callerPrincipals(ctx.identity).email : null;
  if (!email) runtime.earlyReturn(ctx.prev.result);
  return Recruiters.companiesOf(email!);
}

export function response(ctx: Context<unknown, TenancyStash, { result: unknown }, undefined, { items: RecruiterCompanyRecord[] }>): unknown {
  if (ctx.error) raise(ctx.error);
  const ids = ctx.stash.myCompanyIds!;
  for (const item of ctx.result.items) if (!ids.includes(item.companyId)) ids.push(item.companyId);
  return ctx.prev.result;
}
