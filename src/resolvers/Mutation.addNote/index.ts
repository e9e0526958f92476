// Mutation.addNote: a note on an existing application, signed with the caller and the time, for the
// application's company's recruiters and admins. Pipeline: loadApplication → findRecruiterMembership
// → assertRecruiterOfCompany → putNote (TransactWriteItems: the note if absent + the application exists).
import { assertId } from '../../data/limits';
import { noteBody, type NoteRecord } from '../../data/notes';
import type { TenancyStash } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

type Stash = TenancyStash & { applicationId?: string; body?: string };

export function request(ctx: ResolverContext<'Mutation.addNote', unknown, Stash>) {
  assertId('applicationId', ctx.args.applicationId);
  // Checked before the pipeline's first read: a body out of bounds costs no DynamoDB call.
  ctx.stash.body = noteBody(ctx.args.body);
  ctx.stash.applicationId = ctx.args.applicationId;
  return {};
}

export function response(ctx: ResolverContext<'Mutation.addNote', unknown, Stash, { result: NoteRecord }>): FieldResult<'Mutation.addNote'> {
  return ctx.prev.result;
}
