// The input limits the resolvers enforce (src/data/limits.ts) are the ones the schema's descriptions
// state, and every string or id a client can send has one.
import { readFileSync } from 'node:fs';
import { Kind, parse, type InputValueDefinitionNode, type TypeNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/data/limits';
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
  'CreateCandidateInput.name': LIMITS.candidateName,
  'CreateCandidateInput.email': LIMITS.email,
  'CreateCandidateInput.phone': LIMITS.phone,
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
    expect(header).toContain(`email ${LIMITS.email}; phone ${LIMITS.phone}; limit 1 to ${MAX_PAGE_SIZE}`);
    expect(LIMITS.jobTitle).toBe(LIMITS.companyName);
    expect(LIMITS.candidateName).toBe(LIMITS.companyName);
  });
});
