// Candidates' own profiles: who may read a candidate, the verified-email rule and the builders'
// checks. Pure functions and request objects, no I/O.
import { describe, expect, it } from 'vitest';
import { assertMayReadCandidate, isStaff, verifiedEmail } from '../../src/data/callers';
import { Candidates, profileChanges } from '../../src/data/candidates';
import { LIMITS } from '../../src/data/limits';
import { noteBody, Notes } from '../../src/data/notes';
import { refusal, userIdentity } from '../helpers/resolver-calls';

const user = userIdentity;

describe('assertMayReadCandidate', () => {
  it('lets recruiters and admins read any candidate, linked or not', () => {
    for (const groups of [['recruiters'], ['admins'], ['candidates', 'recruiters']]) {
      expect(isStaff(user('s', groups))).toBe(true);
      expect(refusal(() => assertMayReadCandidate(user('s', groups), { userId: 'other' }))).toBeUndefined();
      expect(refusal(() => assertMayReadCandidate(user('s', groups), {}))).toBeUndefined();
    }
  });

  it('lets anyone else read only the candidate linked to them: Unauthorized otherwise', () => {
    expect(refusal(() => assertMayReadCandidate(user('me', ['candidates']), { userId: 'me' }))).toBeUndefined();
    for (const candidate of [{ userId: 'someone-else' }, { userId: null }, {}]) {
      expect(refusal(() => assertMayReadCandidate(user('me', ['candidates']), candidate))).toMatchObject({ errorType: 'Unauthorized' });
    }
    // No user at all (an API key): never.
    expect(refusal(() => assertMayReadCandidate(null, { userId: 'me' }))).toMatchObject({ errorType: 'Unauthorized' });
  });
});

describe('verifiedEmail', () => {
  it('is the token’s email when email_verified is true (a boolean, or the string API Gateway passes)', () => {
    expect(verifiedEmail(user('s', ['candidates'], { email: ' a@example.com ', email_verified: true }))).toBe('a@example.com');
    expect(verifiedEmail(user('s', ['candidates'], { email: 'a@example.com', email_verified: 'true' }))).toBe('a@example.com');
  });

  it('answers EmailNotVerified for an unverified or missing email', () => {
    for (const claims of [{ email: 'a@example.com', email_verified: false }, { email: 'a@example.com' }, { email_verified: true }, { email: '', email_verified: true }]) {
      expect(refusal(() => verifiedEmail(user('s', ['candidates'], claims))), JSON.stringify(claims)).toMatchObject({ errorType: 'EmailNotVerified' });
    }
  });
});

describe('profileChanges', () => {
  it('keeps only the fields given, trimmed; null removes the phone but leaves name and email alone', () => {
    expect(profileChanges({})).toEqual({});
    expect(profileChanges({ name: ' Ada ', email: ' A@example.com ' })).toEqual({ name: 'Ada', email: 'A@example.com' });
    expect(profileChanges({ name: null, email: null, phone: null })).toEqual({ phone: null });
  });

  it('raises a ValidationError for a blank name or a value over its limit', () => {
    expect(refusal(() => profileChanges({ name: ' ' }))).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'name' } });
    expect(refusal(() => profileChanges({ phone: '1'.repeat(LIMITS.phone + 1) }))).toMatchObject({ errorInfo: { field: 'phone', maximum: LIMITS.phone } });
    expect(refusal(() => profileChanges({ email: `${'a'.repeat(LIMITS.email)}@x.io` }))).toMatchObject({ errorInfo: { field: 'email', maximum: LIMITS.email } });
  });
});

describe('Candidates', () => {
  it('indexes a linked candidate under its user, and writes the user guard with it', () => {
    const record = Candidates.record({ id: 'c1', name: 'Ada', email: 'Ada@example.com', createdAt: '2026-01-01T00:00:00.000Z', userId: 'u1' });
    expect(record).toMatchObject({ PK: 'CANDIDATE#c1', GSI1PK: 'USER#u1', GSI1SK: 'CANDIDATE#c1', userId: 'u1' });
    const { transactItems } = Candidates.create(record) as unknown as { transactItems: Array<{ key: unknown }> };
    expect(transactItems.map((item) => item.key)).toHaveLength(3);
    const unlinked = Candidates.record({ id: 'c2', name: 'Bo', email: 'bo@example.com', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(unlinked).not.toHaveProperty('GSI1PK');
    expect((Candidates.create(unlinked) as unknown as { transactItems: unknown[] }).transactItems).toHaveLength(2);
  });

  it('rewrites one email guard for a change of letter case, and moves it for a new email', () => {
    const current = Candidates.record({ id: 'c1', name: 'Ada', email: 'ada@example.com', createdAt: 'now', userId: 'u1' });
    const items = (email: string) => (Candidates.changeEmail(current, 'u1', { email }) as unknown as { transactItems: Array<{ operation: string }> }).transactItems.map((item) => item.operation);
    expect(items('ADA@example.com')).toEqual(['UpdateItem', 'UpdateItem']);
    expect(items('ada@example.org')).toEqual(['UpdateItem', 'DeleteItem', 'PutItem']);
  });
});

describe('notes', () => {
  it('trims a note’s body and keeps it within 1 to LIMITS.noteBody characters', () => {
    expect(noteBody('  ok \n')).toBe('ok');
    expect(refusal(() => noteBody('   '))).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'body' } });
    expect(refusal(() => noteBody('x'.repeat(LIMITS.noteBody + 1)))).toMatchObject({ errorInfo: { field: 'body', maximum: LIMITS.noteBody } });
  });

  it('lists an application’s notes newest first, from its own partition', () => {
    expect(Notes.byApplication('a1', 5)).toMatchObject({ operation: 'Query', scanIndexForward: false, limit: 5 });
    expect(Notes.record({ id: 'n1', applicationId: 'a1', body: 'b', author: { id: 'u', username: 'u', email: null }, createdAt: 't' })).toMatchObject({
      PK: 'APPLICATION#a1',
      SK: 'NOTE#t#n1',
    });
  });
});
