/**
 * The schema coordinate (`Type.field`) an error belongs to, for its report. Resolver failures are
 * recorded where they are caught (exact, `RequestContext.failedAt`); other failures (a value
 * graphql-js cannot complete) are located by walking the error's response path through the operation.
 */
import { getNamedType, isInterfaceType, isObjectType, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type InlineFragmentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/**
 * Finds the field answering `key` in a selection set, with the type it is selected on. `searched`
 * holds the named fragments already searched for this key: one spread again cannot hold it either.
 */
function findField(selectionSet: SelectionSetNode, key: string, typeName: string, fragments: Fragments, searched: Set<string>): { name: string; typeName: string; selectionSet?: SelectionSetNode } | undefined {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if ((selection.alias?.value ?? selection.name.value) === key) return { name: selection.name.value, typeName, selectionSet: selection.selectionSet };
      continue;
    }
    let fragment: InlineFragmentNode | FragmentDefinitionNode | undefined;
    if (selection.kind === Kind.INLINE_FRAGMENT) fragment = selection;
    else if (!searched.has(selection.name.value)) {
      searched.add(selection.name.value);
      fragment = fragments.get(selection.name.value);
    }
    if (!fragment) continue;
    const found = findField(fragment.selectionSet, key, fragment.typeCondition?.name.value ?? typeName, fragments, searched);
    if (found) return found;
  }
  return undefined;
}

/** `Type.field` for a response path, or undefined when the path cannot be followed. */
function coordinateAtPath(path: ReadonlyArray<string | number>, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): string | undefined {
  let selectionSet: SelectionSetNode | undefined = operation.selectionSet;
  let typeName = schema.getRootType(operation.operation)?.name;
  let coordinate: string | undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  for (const key of path) {
    if (typeof key === 'number') continue;
    if (!selectionSet || !typeName) return undefined;
    const field = findField(selectionSet, key, typeName, fragments, new Set());
    if (!field) return undefined;
    coordinate = `${field.typeName}.${field.name}`;
    const parent = schema.getType(field.typeName);
    const fieldType = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name]?.type : undefined;
    typeName = fieldType ? getNamedType(fieldType).name : undefined;
    selectionSet = field.selectionSet;
  }
  return coordinate;
}

/** The coordinate of a GraphQL error: the resolver that raised it, else the field at its path. */
export function coordinateOf(
  error: { originalError?: unknown; path?: ReadonlyArray<string | number> },
  request: { schema: GraphQLSchema; document?: DocumentNode; operation?: OperationDefinitionNode },
  failedAt: ReadonlyMap<unknown, string>,
): string | undefined {
  const tagged = error.originalError === undefined ? undefined : failedAt.get(error.originalError);
  if (tagged || !error.path || !request.document || !request.operation) return tagged;
  return coordinateAtPath(error.path, request.schema, request.document, request.operation);
}
