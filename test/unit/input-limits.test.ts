// The input limits the resolvers enforce (src/data/limits.ts) are the ones the schema's descriptions
// state, and every string or id a client can send has one.
import { readFileSync } from 'node:fs';
import { Kind, parse, type InputValueDefinitionNode, type TypeNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { candidateInput } from '../../src/data/candidates';
import { companyInput } from '../../src/data/companies';
import { jobInput } from '../../src/data/jobs';
import { LIMITS, salaryRange } from '../../src/data/limits';
import { MAX_PAGE_SIZE } from '../../src/data/pages';

const schema = parse(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));

/** The limit each input field enforces, by coordinate. */
const INPUT_FIELDS: Record<string, number> = {
  'CreateCompanyInput.name': LIMITS.companyName,
  'CreateCompanyInput.website': LIMITS.website,
  'CreateJobInput.companyId': LIMITS.id,
  'CreateJobInput.title': LIMITS.jobTitle,
  'CreateJobInput.description': LIMITS.jobDescription,
  'CreateJobInput.location': LIMITS.jobLocation,
  'UpdateJobInput.title': LIMITS.jobTitle,
  'UpdateJobInput.description': LIMITS.jobDescription,
  'UpdateJobInput.location': LIMITS.jobLocation,
  'SalaryInput.currency': LIMITS.currency,
  'OpenJobsFilter.location': LIMITS.jobLocation,
  'CreateCandidateInput.name': LIMITS.candidateName,
  'CreateCandidateInput.email': LIMITS.email,
  'CreateCandidateInput.phone': LIMITS.phone,
  'CreateMyProfileInput.name': LIMITS.candidateName,
  'CreateMyProfileInput.phone': LIMITS.phone,
  'UpdateMyProfileInput.name': LIMITS.candidateName,
  'UpdateMyProfileInput.email': LIMITS.email,
  'UpdateMyProfileInput.phone': LIMITS.phone,
  'CompanyRecruiterInput.email': LIMITS.email,
  'Query.findCandidateByEmail(email)': LIMITS.email,
  'Mutation.addNote(body)': LIMITS.noteBody,
};
const TEXT_TYPES = new Set(['String', 'ID', 'AWSEmail', 'AWSURL', 'AWSPhone']);

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
/** The number of characters a description states: "At most N characters" or "1 to N characters". */
const statedLimit = (value: InputValueDefinitionNode) => Number(/(?:at most|1 to) (\d+) characters/i.exec(value.description?.value ?? '')?.[1]);

/** Every argument of a root field and every input field whose type is a string or an id, by coordinate. */
function textInputs(): Map<string, InputValueDefinitionNode> {
  const found = new Map<string, InputValueDefinitionNode>();
  for (const definition of schema.definitions) {
    if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      for (const field of definition.fields ?? []) if (TEXT_TYPES.has(namedType(field.type))) found.set(`${definition.name.value}.${field.name.value}`, field);
    }
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && ['Query', 'Mutation'].includes(definition.name.value)) {
      for (const field of definition.fields ?? []) {
        for (const arg of field.arguments ?? []) {
          if (TEXT_TYPES.has(namedType(arg.type))) found.set(`${definition.name.value}.${field.name.value}(${arg.name.value})`, arg);
        }
      }
    }
  }
  return found;
}

describe('input limits', () => {
  it('every input field’s description states the limit its resolver enforces', () => {
    for (const [coordinate, limit] of Object.entries(INPUT_FIELDS)) {
      expect(statedLimit(textInputs().get(coordinate)!), coordinate).toBe(limit);
    }
  });

  it('every required text (1 to N characters) states that invisible characters alone are empty', () => {
    const required = [...textInputs()].filter(([, value]) => /^1 to \d+ characters/.test(value.description?.value ?? ''));
    expect(required.map(([coordinate]) => coordinate).sort()).toEqual(
      ['CreateCandidateInput.name', 'CreateCompanyInput.name', 'CreateJobInput.title', 'CreateMyProfileInput.name', 'Mutation.addNote(body)', 'UpdateJobInput.title', 'UpdateMyProfileInput.name'].sort(),
    );
    for (const [coordinate, value] of required) {
      expect(value.description?.value, coordinate).toContain('refused as empty when only white space and invisible characters remain (Unicode White_Space, Cc, Cf, Default_Ignorable_Code_Point');
    }
  });

  it('every string or id a client sends to a root field has a stated limit (nextToken: its own rule)', () => {
    const inputs = textInputs();
    expect(inputs.size).toBeGreaterThan(15);
    for (const [coordinate, value] of inputs) {
      if (value.name.value === 'nextToken') {
        expect(value.description?.value, coordinate).toMatch(/InvalidNextToken/);
        continue;
      }
      const expected = INPUT_FIELDS[coordinate] ?? (namedType(value.type) === 'ID' ? LIMITS.id : undefined);
      expect(expected, `${coordinate} has no limit in src/data/limits.ts`).toBeDefined();
      expect(statedLimit(value), coordinate).toBe(expected);
    }
  });

  it('the schema’s header states the same numbers', () => {
    const text = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    const header = text.slice(0, text.indexOf('type Query')).replace(/\n#\s*/g, ' ');
    expect(header).toContain(`ids at most ${LIMITS.id} characters`);
    expect(header).toContain(`1 to ${LIMITS.companyName} after trimming`);
    expect(header).toContain(`description ${LIMITS.jobDescription}; location ${LIMITS.jobLocation}; website ${LIMITS.website}`);
    expect(header).toContain(`email ${LIMITS.email}; phone ${LIMITS.phone}; note body 1 to ${LIMITS.noteBody} after trimming; limit 1 to ${MAX_PAGE_SIZE}`);
    expect(header).toContain(`salary bounds 0 to ${LIMITS.salary}, min at most max, currency an ISO 4217 code (${LIMITS.currency} characters)`);
    expect(header).toContain('Lengths count characters as Unicode code points');
    expect(header).toContain('one made only of Unicode White_Space, Cc, Cf and Default_Ignorable_Code_Point characters');
    expect(LIMITS.jobTitle).toBe(LIMITS.companyName);
    expect(LIMITS.candidateName).toBe(LIMITS.companyName);
  });
});

/** The AppSync error a builder raises, or undefined. */
function refusal(build: () => unknown) {
  try {
    build();
    return undefined;
  } catch (error) {
    return error as { errorType?: string; errorInfo?: unknown; message: string };
  }
}

describe('salaryRange', () => {
  it('accepts whole bounds from 0 to the limit, min at most max, and an active ISO 4217 code', () => {
    expect(salaryRange('salary', { min: 0, max: LIMITS.salary, currency: 'EUR' })).toEqual({ min: 0, max: LIMITS.salary, currency: 'EUR' });
    expect(salaryRange('salary', { min: 50_000, max: 50_000, currency: 'JPY' })).toEqual({ min: 50_000, max: 50_000, currency: 'JPY' });
    expect(salaryRange('salary', null)).toBeNull();
  });

  it('refuses a negative or too large bound, min above max, and a currency that is not an active code', () => {
    expect(refusal(() => salaryRange('salary', { min: -1, max: 10, currency: 'EUR' }))).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'salary.min', minimum: 0, actual: -1 } });
    expect(refusal(() => salaryRange('salary', { min: 0, max: LIMITS.salary + 1, currency: 'EUR' }))).toMatchObject({ errorInfo: { field: 'salary.max', maximum: LIMITS.salary } });
    expect(refusal(() => salaryRange('salary', { min: 20, max: 10, currency: 'EUR' }))).toMatchObject({ errorInfo: { field: 'salary.min', maximum: 10, actual: 20 } });
    for (const currency of ['eur', 'EURO', 'XXX', 'E', '']) {
      expect(refusal(() => salaryRange('salary', { min: 1, max: 2, currency })), currency).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'salary.currency' } });
    }
  });
});

describe('companyInput, jobInput, candidateInput', () => {
  it('trims names, titles and emails, keeps the rest as given, and fills the defaults', () => {
    expect(companyInput({ name: '  Acme ' })).toEqual({ name: 'Acme', website: null });
    expect(jobInput({ companyId: 'c', title: ' Dev ', description: ' as typed ' })).toEqual({
      companyId: 'c',
      title: 'Dev',
      description: ' as typed ',
      location: null,
      remote: false,
      employmentType: null,
      salary: null,
      status: 'DRAFT',
    });
    expect(candidateInput({ name: ' Ada ', email: ' ada@example.com ', phone: '+1 555 0100' })).toEqual({ name: 'Ada', email: 'ada@example.com', phone: '+1 555 0100' });
  });

  it('raises a ValidationError naming the field, the maximum and the actual length', () => {
    expect(refusal(() => candidateInput({ name: 'A', email: 'a@example.com', phone: '1'.repeat(LIMITS.phone + 1) }))).toMatchObject({
      errorType: 'ValidationError',
      errorInfo: { field: 'phone', maximum: LIMITS.phone, actual: LIMITS.phone + 1 },
      message: `phone must be at most ${LIMITS.phone} characters, got ${LIMITS.phone + 1}`,
    });
    expect(refusal(() => jobInput({ companyId: 'c'.repeat(LIMITS.id + 1), title: 'T' }))).toMatchObject({ errorInfo: { field: 'companyId', maximum: LIMITS.id } });
    expect(refusal(() => companyInput({ name: ' \t ' }))).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'name' } });
    expect(refusal(() => candidateInput({ name: 'A', email: 'a@example.com', phone: '1'.repeat(LIMITS.phone) }))).toBeUndefined();
  });

  it('refuses a name, title or body of only white space and invisible characters (U+200B and the like) as empty', () => {
    for (const blank of ['\u200B', '\u200B\u200C\u200D', ' \u2060\u00AD\uFEFF ', '\u3164', '\u202E\n']) {
      expect(refusal(() => jobInput({ companyId: 'c', title: blank })), JSON.stringify(blank)).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'title' }, message: 'title must not be empty' });
      expect(refusal(() => companyInput({ name: blank })), JSON.stringify(blank)).toMatchObject({ errorInfo: { field: 'name' } });
      expect(refusal(() => candidateInput({ name: blank, email: 'a@example.com' })), JSON.stringify(blank)).toMatchObject({ errorInfo: { field: 'name' } });
    }
    // A visible character among invisible ones is kept as given.
    expect(jobInput({ companyId: 'c', title: '\u200BDev\u200B' }).title).toBe('\u200BDev\u200B');
  });

  it('counts lengths in characters (code points): 200 emoji are a 200-character title, 201 are refused', () => {
    expect(jobInput({ companyId: 'c', title: '😀'.repeat(LIMITS.jobTitle) }).title).toBe('😀'.repeat(LIMITS.jobTitle));
    expect(refusal(() => jobInput({ companyId: 'c', title: '😀'.repeat(LIMITS.jobTitle + 1) }))).toMatchObject({
      errorType: 'ValidationError',
      errorInfo: { field: 'title', maximum: LIMITS.jobTitle, actual: LIMITS.jobTitle + 1 },
      message: `title must be at most ${LIMITS.jobTitle} characters, got ${LIMITS.jobTitle + 1}`,
    });
    expect(refusal(() => jobInput({ companyId: 'c', title: 'T', location: '\u{1F3D9}'.repeat(LIMITS.jobLocation) }))).toBeUndefined();
    expect(refusal(() => jobInput({ companyId: 'c', title: 'T', location: '\u{1F3D9}'.repeat(LIMITS.jobLocation + 1) }))).toMatchObject({ errorInfo: { field: 'location', actual: LIMITS.jobLocation + 1 } });
  });

  it('accepts http and https websites only, in any letter case', () => {
    for (const website of ['http://example.com', 'HTTPS://EXAMPLE.COM/a?b#c']) expect(companyInput({ name: 'A', website }).website).toBe(website);
    for (const website of ['javascript:alert(1)', ' https://example.com', 'data:,x', 'mailto:a@example.com', 'httpx://example.com', 'https:example.com']) {
      expect(refusal(() => companyInput({ name: 'A', website })), website).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'website' } });
    }
  });
});
