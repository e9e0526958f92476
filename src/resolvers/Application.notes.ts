// Application.notes: a page of the parent application's notes, newest first. Query PK=APPLICATION#source.id, begins_with(SK, NOTE#).
import { raise } from '../data/errors';
import { Notes, type NoteRecord } from '../data/notes';
import { assertPageSize } from '../data/pages';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';

export function request(ctx: ResolverContext<'Application.notes'>) {
  assertPageSize(ctx.args.limit);
  return Notes.byApplication(ctx.source!.id, ctx.args.limit, ctx.args.nextToken);
}

export function response(ctx: ResolverContext<'Application.notes', { items: NoteRecord[]; nextToken: string | null }>): FieldResult<'Application.notes'> {
  if (ctx.error) raise(ctx.error);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
