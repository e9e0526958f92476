// Mutation.createMyProfile: links the signed-in candidate to the candidate registered with their
// verified email, or creates one. Pipeline: findEmailOwner → loadCandidate → putMyProfile.
import { signedInUser, verifiedEmail } from '../../data/callers';
import { emailInput, type CandidateRecord } from '../../data/candidates';
import { LIMITS, optionalText, requiredText } from '../../data/limits';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

type Stash = { sub?: string; email?: string; name?: string; phone?: string | null };

export function request(ctx: ResolverContext<'Mutation.createMyProfile', unknown, Stash>) {
  const { input } = ctx.args;
  ctx.stash.name = requiredText('name', input.name, LIMITS.candidateName);
  ctx.stash.phone = optionalText('phone', input.phone, LIMITS.phone);
  ctx.stash.sub = signedInUser(ctx.identity).sub;
  // The profile's email is the one the user pool verified: nobody claims another person's record.
  ctx.stash.email = emailInput(verifiedEmail(ctx.identity));
  return {};
}

export function response(
  ctx: ResolverContext<'Mutation.createMyProfile', unknown, Record<string, unknown>, { result: CandidateRecord }>,
): FieldResult<'Mutation.createMyProfile'> {
  return ctx.prev.result;
}
