// putNote: a note on the application ctx.stash.applicationId (loaded before), signed with the caller
// and the time. TransactWriteItems: APPLICATION#id / NOTE#createdAt#id if absent + a condition check
// that the application still exists.
import { util, type Context } from '@aws-appsync/utils';
import { signedInUser } from '../data/callers';
import { raise } from '../data/errors';
import { CREATE_NOTE_ITEMS, Notes, type NoteRecord } from '../data/notes';
import { failedCondition, type TransactWriteResult } from '../data/transactions';

type Stash = { applicationId: string; body: string; note?: NoteRecord };

export function request(ctx: Context<unknown, Stash>) {
  const user = signedInUser(ctx.identity);
  const { email } = user.claims;
  const note = Notes.record({
    id: util.autoId(),
    applicationId: ctx.stash.applicationId,
    body: ctx.stash.body,
    author: { id: user.sub, username: user.username, email: typeof email === 'string' ? email : null },
    createdAt: util.time.nowISO8601(),
  });
  ctx.stash.note = note;
  return Notes.create(note);
}

export function response(ctx: Context<unknown, Stash, undefined, undefined, TransactWriteResult>): NoteRecord {
  if (ctx.error) {
    const { applicationId } = ctx.stash;
    if (failedCondition(ctx.result, CREATE_NOTE_ITEMS.application)) util.error(`Application ${applicationId} does not exist`, 'NotFound', null, { applicationId });
    raise(ctx.error, ctx.result);
  }
  return ctx.stash.note!;
}
