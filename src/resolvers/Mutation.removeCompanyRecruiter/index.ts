// Mutation.removeCompanyRecruiter: ends a recruiter's membership of a company and returns it.
// Pipeline: requireCompanyRecruiter (GetItem COMPANY#id / RECRUITER#<principal>) →
// deleteCompanyRecruiter (TransactWriteItems: both items of the membership).
import { recruiterInput, type CompanyRecruiterRecord, type RecruiterInput } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

type Stash = { recruiter?: RecruiterInput };

export function request(ctx: ResolverContext<'Mutation.removeCompanyRecruiter', unknown, Stash>) {
  ctx.stash.recruiter = recruiterInput(ctx.args.input);
  return {};
}

export function response(
  ctx: ResolverContext<'Mutation.removeCompanyRecruiter', unknown, Stash, { result: CompanyRecruiterRecord }>,
): FieldResult<'Mutation.removeCompanyRecruiter'> {
  return ctx.prev.result;
}
