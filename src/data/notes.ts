/** Notes: what recruiters and admins write on an application; never shown to candidates. */
import { query, transactWrite } from '@aws-appsync/utils/dynamodb';
import { applicationKey, noteKey, notesOfApplication, TABLE } from './keys';
import { LIMITS, requiredText } from './limits';
import { page } from './pages';

/** Who wrote a note: the signed-in user at the time. */
export interface NoteAuthor {
  /** The user's Cognito `sub`. */
  id: string;
  username: string;
  email: string | null;
}

export interface NoteRecord {
  PK: string;
  SK: string;
  __typename: 'Note';
  id: string;
  applicationId: string;
  body: string;
  author: NoteAuthor;
  createdAt: string;
}

/** A note's body, checked against the schema's limits: trimmed, 1 to {@link LIMITS.noteBody} characters. */
export function noteBody(body: string): string {
  return requiredText('body', body, LIMITS.noteBody);
}

/** Positions of the items in {@link Notes.create}'s transaction. */
export const CREATE_NOTE_ITEMS = { note: 0, application: 1 } as const;

export const Notes = {
  record(note: Omit<NoteRecord, 'PK' | 'SK' | '__typename'>): NoteRecord {
    return { ...note, ...noteKey(note.applicationId, note.createdAt, note.id), __typename: 'Note' };
  },

  /** Writes the note if the application exists (one transaction: a note never outlives its check). */
  create(record: NoteRecord) {
    const { PK: _pk, SK: _sk, ...item } = record;
    return transactWrite({
      items: [
        { putItem: { table: TABLE, key: noteKey(record.applicationId, record.createdAt, record.id), item, condition: { PK: { attributeExists: false } } } },
        { conditionCheck: { table: TABLE, key: applicationKey(record.applicationId), condition: { PK: { attributeExists: true } } } },
      ],
    });
  },

  /** A page of an application's notes, newest first. */
  byApplication(applicationId: string, limit?: number | null, nextToken?: string | null) {
    const { PK, prefix } = notesOfApplication(applicationId);
    return query({ query: { PK: { eq: PK }, SK: { beginsWith: prefix } }, scanIndexForward: false, ...page(limit, nextToken) });
  },
};
