/** Errors raised by resolver code and the runtime, and the signal behind `runtime.earlyReturn`. */
import { ERROR_TYPES } from './error-types';

/** What AppSync records for one GraphQL error raised by a resolver (contract EXE-09). */
export interface ResolverErrorEntry {
  message: string;
  errorType: string | null;
  data: unknown;
  errorInfo: unknown;
}

/** Raised by `util.error` / `util.unauthorized`: stops the handler, nulls the field (EXE-06, EXE-10). */
export class AppSyncError extends Error implements ResolverErrorEntry {
  override readonly name = 'AppSyncError';
  readonly errorType: string | null;
  readonly data: unknown;
  readonly errorInfo: unknown;

  constructor(message: string, errorType?: string | null, data?: unknown, errorInfo?: unknown, options?: ErrorOptions) {
    super(message, options);
    this.errorType = errorType ?? null;
    this.data = data ?? null;
    this.errorInfo = errorInfo ?? null;
  }
}

/** Raised by `util.unauthorized`; the executor words the message for the field (EXE-10). */
export class UnauthorizedError extends AppSyncError {
  constructor() {
    super('Unauthorized', ERROR_TYPES.Unauthorized);
  }
}

/** AppSync's message for a field the caller may not read, from `util.unauthorized` or an auth directive (EXE-10). */
export function unauthorizedMessage(field: { fieldName: string; parentType: { name: string } }): string {
  return `Not Authorized to access ${field.fieldName} on type ${field.parentType.name}`;
}

/** A fault in resolver code (a TypeError, a bad argument to a util), typed `Code` as on AppSync (EXE-11, GAP-05). */
export class CodeError extends AppSyncError {
  constructor(message: string, cause: unknown) {
    super(message, ERROR_TYPES.Code, null, null, { cause });
  }
}

/** A request object the data source cannot run (no or unknown `operation`, bad typed value) — GAP-05. */
export class MappingTemplateError extends AppSyncError {
  constructor(message: string) {
    super(message, ERROR_TYPES.MappingTemplate);
  }
}

/** A feature of AppSync this runtime deliberately does not provide (contract items marked [N]). */
export class UnsupportedError extends AppSyncError {
  constructor(feature: string, reason: string) {
    super(`${feature} is not supported by this runtime: ${reason}`, ERROR_TYPES.Unsupported);
  }
}

/**
 * Thrown by `runtime.earlyReturn` and caught by the executor (EXE-05). Not an `Error`, so it
 * carries no stack: it is control flow, not a failure.
 */
export class EarlyReturnSignal {
  constructor(
    readonly value: unknown,
    readonly skipTo: 'NEXT' | 'END',
  ) {}
}
