/**
 * The schema coordinate (`Type.field`) an error belongs to, for its report. Resolver failures are
 * recorded where they are caught (exact, `RequestContext.failedAt`); other failures (a value
 * graphql-js cannot complete) are located by walking the error's response path through the operation.
 */
import { getNamedType, isInterfaceType, isObjectType, Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** Finds the field answering `key` in a selection set, with the type it is selected on. */
function findField(selectionSet: SelectionSetNode, key: string, typeName: string, document: DocumentNode): { name: string; typeName: string; selectionSet?: SelectionSetNode } | undefined {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if ((selection.alias?.value ?? selection.name.value) === key) return { name: selection.name.value, typeName, selectionSet: selection.selectionSet };
      continue;
    }
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection
        : document.definitions.find((node) => node.kind === Kind.FRAGMENT_DEFINITION && node.name.value === selection.name.value);
    if (!fragment || !('selectionSet' in fragment) || !fragment.selectionSet) continue;
    const condition = 'typeCondition' in fragment ? fragment.typeCondition?.name.value : undefined;
    const found = findField(fragment.selectionSet, key, condition ?? typeName, document);
    if (found) return found;
  }
  return undefined;
}

/** `Type.field` for a response path, or undefined when the path cannot be followed. */
function coordinateAtPath(path: ReadonlyArray<string | number>, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): string | undefined {
  let selectionSet: SelectionSetNode | undefined = operation.selectionSet;
  let typeName = schema.getRootType(operation.operation)?.name;
  let coordinate: string | undefined;
  for (const key of path) {
    if (typeof key === 'number') continue;
    if (!selectionSet || !typeName) return undefined;
    const field = findField(selectionSet, key, typeName, document);
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
