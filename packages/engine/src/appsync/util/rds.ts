/**
 * `util.rds.toJsonObject` (contract UTIL-10): an RDS Data API `ExecuteStatement` result (the object
 * or its JSON string) to one array of row objects per statement, keyed by column label; statements
 * without records (INSERT, UPDATE, DELETE) give `[]`. Pure, so provided although this runtime has
 * no RDS data source.
 */
import type { Util } from '@aws-appsync/utils';
import { CodeError } from '../../core/errors';

type Field = Record<string, unknown>;
interface Column {
  label?: string;
  name?: string;
}
interface Statement {
  records?: Field[][];
  columnMetadata?: Column[];
}

/** One Data API field (`{ stringValue }`, `{ longValue }`, `{ isNull: true }`, arrays, structs). */
function fieldValue(field: Field | null | undefined): unknown {
  if (field == null || field.isNull === true) return null;
  const arrayValue = field.arrayValue as Record<string, unknown[]> | undefined;
  if (arrayValue) {
    const [values] = Object.values(arrayValue);
    return (values ?? []).map((item) => (arrayValue.arrayValues ? fieldValue({ arrayValue: item as Record<string, unknown[]> }) : item));
  }
  if (Array.isArray(field.arrayValues)) return (field.arrayValues as Field[]).map(fieldValue);
  if (field.structValue) return ((field.structValue as { attributes?: Field[] }).attributes ?? []).map(fieldValue);
  const [value] = Object.entries(field).filter(([key]) => key !== 'isNull').map(([, v]) => v);
  return value ?? null;
}

function rowsOf(statement: Statement): Record<string, unknown>[] {
  const columns = statement.columnMetadata ?? [];
  return (statement.records ?? []).map((record) => {
    const row: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      row[column.label ?? column.name ?? String(index)] = fieldValue(record[index]);
    });
    return row;
  });
}

export const rds = {
  /** Data API result → `[[row, …] per statement]`; null for null input; a `Code` error for bad JSON. */
  toJsonObject(serializedSQLResult) {
    if (serializedSQLResult == null) return null;
    let result: { sqlStatementResults?: Statement[] };
    try {
      result = typeof serializedSQLResult === 'string' ? JSON.parse(serializedSQLResult) : serializedSQLResult;
    } catch (cause) {
      throw new CodeError(`util.rds.toJsonObject: the result is not JSON: ${(cause as Error).message}`, cause);
    }
    if (result == null || typeof result !== 'object') return null;
    return (result.sqlStatementResults ?? []).map(rowsOf) as unknown as Record<string, unknown>;
  },
} satisfies Util['rds'];
