// assertRecruiterOfCompany: Unauthorized unless the caller may work on the company ctx.stash.companyId
// (tenancy, docs/tenancy.md): admins and callers who are not recruiters pass (their own rules apply),
// as does a request whose item does not exist (companyId null); a recruiter passes as a member by
// user (findRecruiterMembership, the step before) or by their verified email. Passes the previous
// result on. GetItem PK=COMPANY#id, SK=RECRUITER#EMAIL#<email>, only when the user is no member.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { raise } from '../data/errors';
import { membershipVerdict, Recruiters, type CompanyRecruiterRecord, type TenancyStash } from '../data/recruiters';

export function request(ctx: Context<unknown, TenancyStash, { result: unknown }>) {
  const verdict = membershipVerdict(ctx.identity, ctx.stash);
  if (verdict === true) runtime.earlyReturn(ctx.prev.result);
  if (verdict === false) util.unauthorized();
  return Recruiters.get(ctx.stash.companyId!, verdict as string);
}

export function response(ctx: Context<unknown, TenancyStash, { result: unknown }, undefined, CompanyRecruiterRecord | null>): unknown {
  if (ctx.error) raise(ctx.error);
  if (!ctx.result) util.unauthorized();
  return ctx.prev.result;
}
