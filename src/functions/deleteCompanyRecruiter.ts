// deleteCompanyRecruiter: removes the membership loaded by requireCompanyRecruiter and its inverse
// item; NotFound when another request removed it meanwhile. TransactWriteItems: COMPANY#id /
// RECRUITER#<principal> while it exists + RECRUITER#<principal> / COMPANY#id.
import { util, type Context } from '@aws-appsync/utils';
import { raise } from '../data/errors';
import { RECRUITER_ITEMS, Recruiters, type CompanyRecruiterRecord } from '../data/recruiters';
import { failedCondition, type TransactWriteResult } from '../data/transactions';

export function request(ctx: Context<unknown, Record<string, unknown>, { result: CompanyRecruiterRecord }>) {
  const { companyId, principal } = ctx.prev.result;
  return Recruiters.remove(companyId, principal);
}

export function response(ctx: Context<unknown, Record<string, unknown>, { result: CompanyRecruiterRecord }, undefined, TransactWriteResult>): CompanyRecruiterRecord {
  const removed = ctx.prev.result;
  if (ctx.error) {
    if (failedCondition(ctx.result, RECRUITER_ITEMS.membership)) util.error('This user or email is no recruiter of the company', 'NotFound', null, { companyId: removed.companyId });
    raise(ctx.error, ctx.result);
  }
  return removed;
}
