// findRecruiterMembership: the caller's membership, by user, of the company ctx.stash.companyId, for
// a recruiter who is not an admin (tenancy, docs/tenancy.md); stashed for assertRecruiterOfCompany or
// checkRecruiterOfCompany, the step after. Passes the previous result on. GetItem PK=COMPANY#id,
// SK=RECRUITER#USER#sub: the checks of a request's fields, issued together, are coalesced. Nothing is
// read for other callers, or when the item asked for does not exist (companyId null).
import { runtime, type Context } from '@aws-appsync/utils';
import { boundToCompanies } from '../data/callers';
import { raise } from '../data/errors';
import { callerPrincipals, Recruiters, type CompanyRecruiterRecord, type TenancyStash } from '../data/recruiters';

export function request(ctx: Context<unknown, TenancyStash, { result: unknown }>) {
  const { companyId } = ctx.stash;
  if (!boundToCompanies(ctx.identity) || typeof companyId !== 'string') runtime.earlyReturn(ctx.prev.result);
  return Recruiters.get(companyId!, callerPrincipals(ctx.identity).user);
}

export function response(ctx: Context<unknown, TenancyStash, { result: unknown }, undefined, CompanyRecruiterRecord | null>): unknown {
  if (ctx.error) raise(ctx.error);
  ctx.stash.membership = ctx.result;
  return ctx.prev.result;
}
