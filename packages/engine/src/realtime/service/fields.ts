/**
 * The schema's subscription fields as AppSync reads them: each names the
 * mutations that fire it with `@aws_subscribe(mutations: [...])`, and its arguments filter on the
 * fields of the mutation's result.
 */
import { Kind, parse, valueFromASTUntyped, type FieldDefinitionNode, type GraphQLSchema } from 'graphql';

export interface SubscriptionField {
  /** The field of `Subscription`, e.g. `onApplicationMoved`. */
  name: string;
  /** The mutations whose results it receives. */
  mutations: readonly string[];
  /** Its argument names, sorted: each filters on the result's field of the same name. */
  argumentNames: readonly string[];
}

/** The mutations a `Subscription` field's `@aws_subscribe(mutations: [...])` names (a single name too). */
function subscribedBy(field: FieldDefinitionNode | null | undefined): string[] {
  const directive = field?.directives?.find((entry) => entry.name.value === 'aws_subscribe');
  const argument = directive?.arguments?.find((entry) => entry.name.value === 'mutations');
  const value = argument ? (valueFromASTUntyped(argument.value) as unknown) : [];
  return (Array.isArray(value) ? value : [value]).filter((name): name is string => typeof name === 'string');
}

/** Every field of the schema's `Subscription` type (none without one). */
export function subscriptionFields(schema: GraphQLSchema): SubscriptionField[] {
  const type = schema.getSubscriptionType();
  if (!type) return [];
  return Object.values(type.getFields()).map((field) => ({ name: field.name, mutations: subscribedBy(field.astNode), argumentNames: field.args.map((arg) => arg.name).sort() }));
}

/**
 * The subscription fields each mutation fires. A mutation named in `@aws_subscribe` that the
 * schema does not (yet) have fires nothing.
 */
export function fieldsByMutation(schema: GraphQLSchema): Map<string, SubscriptionField[]> {
  const mutations = schema.getMutationType()?.getFields() ?? {};
  const byMutation = new Map<string, SubscriptionField[]>();
  for (const field of subscriptionFields(schema)) {
    for (const mutation of field.mutations) {
      if (!mutations[mutation]) continue;
      byMutation.set(mutation, [...(byMutation.get(mutation) ?? []), field]);
    }
  }
  return byMutation;
}

/**
 * The mutations some `Subscription` field of the SDL names (a parse, no schema build): what the
 * HTTP function publishes, known without building a second schema at its cold start.
 */
export function subscribedMutations(sdl: string): Set<string> {
  const mutations = new Set<string>();
  for (const definition of parse(sdl).definitions) {
    if ((definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) || definition.name.value !== 'Subscription') continue;
    for (const field of definition.fields ?? []) for (const name of subscribedBy(field)) mutations.add(name);
  }
  return mutations;
}
