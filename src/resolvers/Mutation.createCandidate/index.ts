// Mutation.createCandidate: registers a candidate with a unique email for a company, which then knows
// it; a recruiter registers for one of their companies (required), an admin for any or none.
// Pipeline: requireCompany → findRecruiterMembership → assertRecruiterOfCompany → putCandidate.
import { util } from '@aws-appsync/utils';
import { boundToCompanies } from '../../data/callers';
import { candidateInput, type CandidateRecord } from '../../data/candidates';
import { assertId } from '../../data/limits';
import type { TenancyStash } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

type Stash = TenancyStash & { input?: ReturnType<typeof candidateInput> };

export function request(ctx: ResolverContext<'Mutation.createCandidate', unknown, Stash>) {
  const { companyId } = ctx.args.input;
  assertId('input.companyId', companyId);
  // Checked before the pipeline's first read: an input out of bounds costs no DynamoDB call.
  ctx.stash.input = candidateInput(ctx.args.input);
  if (!companyId && boundToCompanies(ctx.identity)) {
    util.error('A recruiter registers a candidate for one of their companies: give input.companyId', 'ValidationError', null, { field: 'input.companyId' });
  }
  ctx.stash.companyId = companyId ?? null;
  return {};
}

export function response(ctx: ResolverContext<'Mutation.createCandidate', unknown, Stash, { result: CandidateRecord }>): FieldResult<'Mutation.createCandidate'> {
  return ctx.prev.result;
}
