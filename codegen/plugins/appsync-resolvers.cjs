/**
 * graphql-codegen plugin: one entry per field coordinate (`Type.field`) of the schema's object
 * types, giving the AppSync resolver's `args`, `source` (the mapper record of the parent) and
 * `result` (the field type, mappers applied), plus the coordinates that must have a resolver.
 * Runs after the `typescript` and `typescript-resolvers` plugins in the same output and reuses
 * their `*Args`, `ResolversTypes` and `ResolversParentTypes`.
 */
const { getNamedType, isListType, isNonNullType, isObjectType } = require('graphql');

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

const pascal = (name) => name.charAt(0).toUpperCase() + name.slice(1);

/** The TypeScript type of a field's output type, with mappers applied via ResolversTypes. */
function outputType(type) {
  if (isNonNullType(type)) return strict(type.ofType);
  return `Maybe<${strict(type)}>`;
}

function strict(type) {
  if (isListType(type)) return `Array<${outputType(type.ofType)}>`;
  return `ResolversTypes['${getNamedType(type).name}']`;
}

function plugin(schema, _documents, config) {
  const mapped = new Set(Object.keys(config.mappers ?? {}));
  const rootNames = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean).map((t) => t.name),
  );
  const entries = [];
  const required = [];
  const mappedFieldChecks = [];
  const objectTypes = Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name));

  for (const type of objectTypes) {
    const isRoot = rootNames.has(type.name) || ROOTS.has(type.name);
    const source = isRoot ? 'undefined' : `ResolversParentTypes['${type.name}']`;
    const fields = Object.values(type.getFields());
    for (const field of fields) {
      const coordinate = `${type.name}.${field.name}`;
      const args = field.args.length > 0 ? `${type.name}${pascal(field.name)}Args` : 'Record<string, never>';
      entries.push(`  '${coordinate}': { args: ${args}; source: ${source}; result: ${outputType(field.type)} };`);
      if (isRoot || field.args.length > 0) required.push(coordinate);
    }
    if (!isRoot && mapped.has(type.name)) {
      const names = fields.filter((f) => f.args.length === 0).map((f) => `'${f.name}'`);
      if (names.length > 0) {
        mappedFieldChecks.push(
          `  | { [F in ${names.join(' | ')}]: F extends keyof ResolversParentTypes['${type.name}'] ? never : \`${type.name}.\${F}\` }[${names.join(' | ')}]`,
        );
      }
    }
  }

  return {
    prepend: [`import type { Context } from '@aws-appsync/utils';`],
    content: [
      '/** Every field coordinate of the schema: the AppSync resolver arguments, source and result. */',
      'export type AppSyncFields = {',
      ...entries,
      '};',
      '',
      '/** A field coordinate, `Type.field`. */',
      'export type Coordinate = keyof AppSyncFields;',
      '',
      '/** Coordinates that need a resolver: root fields, fields with arguments, fields the mapper record lacks. */',
      'export type RequiredCoordinate =',
      `  | ${required.map((c) => `'${c}'`).join('\n  | ') || 'never'}`,
      ...mappedFieldChecks,
      ';',
      '',
      '/** Record fields of mapped types that the default resolver returns but whose type does not fit the schema. */',
      'export type MismatchedRecordFields = {',
      '  [C in Coordinate]: C extends `${infer T}.${infer F}`',
      `    ? T extends ${[...mapped].map((m) => `'${m}'`).join(' | ') || 'never'}`,
      "      ? F extends keyof ResolversParentTypes[T]",
      "        ? Exclude<ResolversParentTypes[T][F], undefined> extends AppSyncFields[C]['result'] ? never : C",
      '        : never',
      '      : never',
      '    : never;',
      '}[Coordinate];',
      'type MustBeNever<T extends never> = T;',
      '/** Fails `tsc` when a mapper record field does not fit its schema field. */',
      'export type RecordFieldsFit = MustBeNever<MismatchedRecordFields>;',
      '',
      '/** The field arguments of a coordinate, as `ctx.args`. */',
      "export type FieldArgs<C extends Coordinate> = AppSyncFields[C]['args'];",
      '/** The parent record of a coordinate, as `ctx.source`. */',
      "export type FieldSource<C extends Coordinate> = AppSyncFields[C]['source'];",
      '/** What the resolver (its `response`) must return for a coordinate. */',
      "export type FieldResult<C extends Coordinate> = AppSyncFields[C]['result'];",
      '',
      '/** The AppSync `Context` of a resolver or pipeline function attached to a coordinate; `TResult` is the data source result. */',
      'export type ResolverContext<',
      '  C extends Coordinate,',
      '  TResult = unknown,',
      '  TStash extends Record<string, any> = Record<string, unknown>,',
      '  TPrev extends Record<string, any> | undefined = undefined,',
      '> = Context<FieldArgs<C>, TStash, TPrev, FieldSource<C>, TResult>;',
      '',
    ].join('\n'),
  };
}

exports.plugin = plugin;
