// Mutation.addNote: a note on an existing application, signed with the caller and the time.
// TransactWriteItems: APPLICATION#id / NOTE#createdAt#id if absent + the application exists.
import { util } from '@aws-appsync/utils';
import { signedInUser } from '../data/callers';
import { raise } from '../data/errors';
import { assertId } from '../data/limits';
import { CREATE_NOTE_ITEMS, noteBody, Notes, type NoteRecord } from '../data/notes';
import { failedCondition, type TransactWriteResult } from '../data/transactions';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';

type Stash = { note: NoteRecord };

export function request(ctx: ResolverContext<'Mutation.addNote', unknown, Stash>) {
  const { applicationId } = ctx.args;
  assertId('applicationId', applicationId);
  const body = noteBody(ctx.args.body);
  const user = signedInUser(ctx.identity);
  const email = user.claims.email;
  const note = Notes.record({
    id: util.autoId(),
    applicationId,
    body,
    author: { id: user.sub, username: user.username, email: typeof email === 'string' ? email : null },
    createdAt: util.time.nowISO8601(),
  });
  ctx.stash.note = note;
  return Notes.create(note);
}

export function response(ctx: ResolverContext<'Mutation.addNote', TransactWriteResult, Stash>): FieldResult<'Mutation.addNote'> {
  if (ctx.error) {
    const { applicationId } = ctx.args;
    if (failedCondition(ctx.result, CREATE_NOTE_ITEMS.application)) util.error(`Application ${applicationId} does not exist`, 'NotFound', null, { applicationId });
    raise(ctx.error, ctx.result);
  }
  return ctx.stash.note;
}
