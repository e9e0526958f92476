// Tenancy's rules as pure functions (src/data/recruiters.ts, docs/tenancy.md): who is bound to
// companies, whom a membership names, the verdict before the email read, and the subscription filter
// of a recruiter's companies. No I/O.
import { describe, expect, it } from 'vitest';
import { boundToCompanies } from '../../src/data/callers';
import { candidateWithCompanies, type CandidateRecord } from '../../src/data/candidates';
import { callerPrincipals, companiesOnlyFilter, membershipVerdict, recruiterInput, Recruiters, type CompanyRecruiterRecord } from '../../src/data/recruiters';
import { refusal, userIdentity } from '../helpers/resolver-calls';

const user = userIdentity;
const recruiter = (claims: Record<string, unknown> = {}) => user('r1', ['recruiters'], claims);

describe('boundToCompanies', () => {
  it('binds recruiters who are not admins; admins, candidates, users in no group and the API key are not bound', () => {
    expect(boundToCompanies(recruiter())).toBe(true);
    for (const identity of [user('a', ['admins']), user('a', ['admins', 'recruiters']), user('c', ['candidates']), user('n', []), user('n', null), null]) {
      expect(boundToCompanies(identity)).toBe(false);
    }
  });
});

describe('recruiterInput', () => {
  it('names a recruiter by user or by email (in any letter case, surrounding spaces removed)', () => {
    expect(recruiterInput({ companyId: 'c1', userId: 'u1' })).toEqual({ companyId: 'c1', principal: 'USER#u1', userId: 'u1', email: null });
    expect(recruiterInput({ companyId: 'c1', email: ' Rita@Example.com ' })).toEqual({ companyId: 'c1', principal: 'EMAIL#rita@example.com', userId: null, email: 'Rita@Example.com' });
  });

  it('refuses both names, or neither, with a ValidationError, and ids over their limit', () => {
    for (const input of [{ companyId: 'c1', userId: 'u1', email: 'a@example.com' }, { companyId: 'c1' }, { companyId: 'c1', userId: null, email: null }]) {
      expect(refusal(() => recruiterInput(input))).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'input.userId' } });
    }
    expect(refusal(() => recruiterInput({ companyId: 'c'.repeat(129), userId: 'u1' }))).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'companyId' } });
  });
});

describe('callerPrincipals', () => {
  it('is the user, and the email only when the user pool verified it', () => {
    expect(callerPrincipals(recruiter({ email: 'R@Example.com', email_verified: true }))).toEqual({ user: 'USER#r1', email: 'EMAIL#r@example.com' });
    expect(callerPrincipals(recruiter({ email: 'r@example.com', email_verified: 'true' })).email).toBe('EMAIL#r@example.com');
    expect(callerPrincipals(recruiter({ email: 'r@example.com' })).email).toBeNull();
  });
});

describe('membershipVerdict', () => {
  const member = { companyId: 'c1' } as CompanyRecruiterRecord;

  it('lets callers not bound to companies and requests about nothing through, and a member by user', () => {
    expect(membershipVerdict(user('a', ['admins']), { companyId: 'c1' })).toBe(true);
    expect(membershipVerdict(user('c', ['candidates']), { companyId: 'c1' })).toBe(true);
    expect(membershipVerdict(recruiter(), { companyId: null })).toBe(true);
    expect(membershipVerdict(recruiter(), { companyId: 'c1', membership: member })).toBe(true);
  });

  it('reads the membership by verified email next; denies without one, and when no company is named (fail closed)', () => {
    expect(membershipVerdict(recruiter({ email: 'R@example.com', email_verified: true }), { companyId: 'c1', membership: null })).toBe('EMAIL#r@example.com');
    expect(membershipVerdict(recruiter({ email: 'r@example.com' }), { companyId: 'c1', membership: null })).toBe(false);
    expect(membershipVerdict(recruiter({ email: 'r@example.com', email_verified: true }), {})).toBe(false);
  });
});

describe('companiesOnlyFilter', () => {
  it('adds no filter with a job (its argument filters) or for callers not bound to companies', () => {
    expect(companiesOnlyFilter('j1', ['c1'])).toBeNull();
    expect(companiesOnlyFilter(null, null)).toBeNull();
  });

  it('keeps a recruiter’s companies, at most 5 values per `in` as AppSync allows', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `c${i}`);
    expect(companiesOnlyFilter(undefined, ids)).toEqual({
      filterGroup: [
        { filters: [{ fieldName: 'companyId', operator: 'in', value: ids.slice(0, 5) }] },
        { filters: [{ fieldName: 'companyId', operator: 'in', value: ids.slice(5, 10) }] },
        { filters: [{ fieldName: 'companyId', operator: 'in', value: ids.slice(10) }] },
      ],
    });
  });

  it('refuses a recruiter of no company (Unauthorized), and of more than 50 without a job (ValidationError)', () => {
    expect(refusal(() => companiesOnlyFilter(null, []))).toMatchObject({ errorType: 'Unauthorized' });
    expect(refusal(() => companiesOnlyFilter(null, Array.from({ length: 51 }, (_, i) => `c${i}`)))).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'jobId' } });
    expect(companiesOnlyFilter(null, Array.from({ length: 50 }, (_, i) => `c${i}`))!.filterGroup).toHaveLength(10);
  });
});

describe('Recruiters', () => {
  it('writes a membership with its inverse item in one transaction, the membership only if absent', () => {
    const record = Recruiters.record(recruiterInput({ companyId: 'c1', email: 'r@example.com' }), '2026-01-01T00:00:00.000Z', 'admin-1');
    const request = Recruiters.add(record) as any;
    expect(request.operation).toBe('TransactWriteItems');
    const [membership, inverse] = request.transactItems;
    expect(membership).toMatchObject({ operation: 'PutItem', key: { PK: { S: 'COMPANY#c1' }, SK: { S: 'RECRUITER#EMAIL#r@example.com' } } });
    expect(membership.condition.expression).toContain('attribute_not_exists');
    expect(inverse).toMatchObject({ operation: 'PutItem', key: { PK: { S: 'RECRUITER#EMAIL#r@example.com' }, SK: { S: 'COMPANY#c1' } } });
    expect(inverse.condition).toBeUndefined();
  });
});

describe('candidateWithCompanies', () => {
  it('tells the candidate from the companies that know it, in one partition', () => {
    const candidate = { __typename: 'Candidate', id: 'x' } as CandidateRecord;
    expect(candidateWithCompanies([candidate, { __typename: 'CandidateCompany', candidateId: 'x', companyId: 'c1' }, { __typename: 'CandidateCompany', candidateId: 'x', companyId: 'c2' }])).toEqual({
      candidate,
      companyIds: ['c1', 'c2'],
    });
    expect(candidateWithCompanies([])).toEqual({ candidate: null, companyIds: [] });
  });
});
