import { createRequire } from 'node:module';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';

const { plugin } = createRequire(import.meta.url)('../../codegen/plugins/appsync-resolvers.cjs') as {
  plugin: (schema: unknown, documents: unknown[], config: { mappers?: Record<string, string> }) => { prepend: string[]; content: string };
};

const schema = buildSchema(`
  type Query { team(id: ID!): Team teams: [Team!]! }
  type Mutation { rename(id: ID!, name: String!): Team! }
  type Team { id: ID! name: String! members(first: Int): [Member!]! score: Float }
  type Member { id: ID! }
`);

const generate = (mappers?: Record<string, string>) => plugin(schema, [], { mappers });

describe('appsync-resolvers codegen plugin', () => {
  it('types every field coordinate with args, source and result (mappers applied through ResolversTypes)', () => {
    const { content, prepend } = generate({ Team: './team#TeamRecord' });
    expect(prepend).toEqual([`import type { Context } from '@aws-appsync/utils';`]);
    expect(content).toContain(`'Query.team': { args: QueryTeamArgs; source: undefined; result: Maybe<ResolversTypes['Team']> };`);
    expect(content).toContain(`'Query.teams': { args: Record<string, never>; source: undefined; result: Array<ResolversTypes['Team']> };`);
    expect(content).toContain(`'Team.members': { args: TeamMembersArgs; source: ResolversParentTypes['Team']; result: Array<ResolversTypes['Member']> };`);
    expect(content).toContain(`'Team.score': { args: Record<string, never>; source: ResolversParentTypes['Team']; result: Maybe<ResolversTypes['Float']> };`);
  });

  it('requires root fields and fields with arguments', () => {
    const required = /export type RequiredCoordinate =([\s\S]*?);\n/.exec(generate().content)![1]!;
    expect(required.match(/'[A-Za-z]+\.[A-Za-z]+'/g)).toEqual(["'Mutation.rename'", "'Query.team'", "'Query.teams'", "'Team.members'"]);
  });

  it('requires the fields of a mapped type that its record lacks, decided by the record type', () => {
    const required = /export type RequiredCoordinate =([\s\S]*?);\n/.exec(generate({ Team: './team#TeamRecord' }).content)![1]!;
    expect(required).toContain(
      "{ [F in 'id' | 'name' | 'score']: F extends keyof ResolversParentTypes['Team'] ? never : `Team.${F}` }['id' | 'name' | 'score']",
    );
    expect(required).not.toContain("ResolversParentTypes['Member']");
  });

  it('checks the record fields of mapped types against the schema (RecordFieldsFit fails tsc otherwise)', () => {
    const { content } = generate({ Team: './team#TeamRecord' });
    expect(content).toContain("    ? T extends 'Team'\n");
    expect(content).toContain("Exclude<ResolversParentTypes[T][F], undefined> extends AppSyncFields[C]['result'] ? never : C");
    expect(content).toContain('export type RecordFieldsFit = MustBeNever<MismatchedRecordFields>;');
  });
});
