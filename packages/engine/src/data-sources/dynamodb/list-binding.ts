/**
 * What a pagination token is bound to: the list a Query or Scan request reads, described by the
 * request itself rather than by the resolver's arguments, so the binding holds whatever the
 * arguments are called. Bound: operation, table, index, the key condition (expression, names and
 * values), direction, and scan segment. A `LastEvaluatedKey` is a valid start only for that list;
 * another partition, index or range gets `InvalidNextToken` instead of a DynamoDB error.
 *
 * Not bound: `limit`, `projection`, `select`, `consistentRead` (they change a page, not where the
 * list is) and `filter`, which DynamoDB applies after reading and which resolvers may build from
 * the clock (`expiresAt > :now`): binding it would turn every such token invalid one second later.
 */
import { canonical } from './canonical';
import { isPresent, parseExpression } from './expressions';
import { fromTypedMap } from './typed';

type Request = Record<string, unknown>;

function keyCondition(request: Request): unknown {
  if (!isPresent(request.query)) return null;
  const { expression, expressionNames, expressionValues } = parseExpression(request.query, 'query');
  return { expression, names: expressionNames ?? {}, values: fromTypedMap(expressionValues ?? {}, 'query.expressionValues') };
}

/** A canonical text naming the list `request` reads from `tableName`. */
export function listBinding(operation: 'Query' | 'Scan', request: Request, tableName: string): string {
  return canonical({
    operation,
    table: tableName,
    index: isPresent(request.index) ? String(request.index) : null,
    keyCondition: keyCondition(request),
    forward: operation === 'Query' ? request.scanIndexForward !== false : null,
    segment: isPresent(request.segment) ? request.segment : null,
    totalSegments: isPresent(request.totalSegments) ? request.totalSegments : null,
  });
}
