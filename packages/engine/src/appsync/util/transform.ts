/**
 * `util.transform` (contract UTIL-X1..X4). The DynamoDB transforms return JSON strings, as on
 * AppSync, and `null` for a filter AppSync cannot render (observed: AppSync answers null, not an
 * error, for e.g. an unknown operator or a field holding a bare value).
 */
import type { Util } from '@aws-appsync/utils';
import { UnsupportedError } from '../../core/errors';
import { InvalidFilterError, renderFilter } from './transform/dynamodb-filter';

type TransformUtils = Util['transform'];

function toJsonExpression(filter: unknown): string | null {
  try {
    return JSON.stringify(renderFilter(filter));
  } catch (error) {
    if (error instanceof InvalidFilterError) return null;
    throw error;
  }
}

/** A filter object to the JSON string of a DynamoDB filter expression object (UTIL-X1). */
export const toDynamoDBFilterExpression = toJsonExpression as TransformUtils['toDynamoDBFilterExpression'];

/** A condition object to the JSON string of a DynamoDB condition expression object (UTIL-X2). */
export const toDynamoDBConditionExpression = toJsonExpression as TransformUtils['toDynamoDBConditionExpression'];

/** OpenSearch is not a data source of this runtime (UTIL-X3 [N]). */
export const toElasticsearchQueryDSL: TransformUtils['toElasticsearchQueryDSL'] = () => {
  throw new UnsupportedError('util.transform.toElasticsearchQueryDSL', 'OpenSearch is not a data source of this runtime');
};

export { toSubscriptionFilter } from './transform/subscription-filter';
