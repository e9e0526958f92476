// Mutation.addCompanyRecruiter: makes a user, or an email, a recruiter of an existing company (again:
// the membership as it is). Pipeline: requireCompany → putCompanyRecruiter (TransactWriteItems:
// COMPANY#id / RECRUITER#<principal> if absent + RECRUITER#<principal> / COMPANY#id).
import { recruiterInput, type CompanyRecruiterRecord, type RecruiterInput } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

type Stash = { companyId?: string; recruiter?: RecruiterInput };

export function request(ctx: ResolverContext<'Mutation.addCompanyRecruiter', unknown, Stash>) {
  const recruiter = recruiterInput(ctx.args.input);
  ctx.stash.recruiter = recruiter;
  ctx.stash.companyId = recruiter.companyId;
  return {};
}

export function response(ctx: ResolverContext<'Mutation.addCompanyRecruiter', unknown, Stash, { result: CompanyRecruiterRecord }>): FieldResult<'Mutation.addCompanyRecruiter'> {
  return ctx.prev.result;
}
