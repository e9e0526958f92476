/** `util.authType()` (contract UTIL-06). */
import { CodeError } from '../../core/errors';
import { currentExecution } from '../../core/current-execution';

/**
 * The auth mode of the current request, named as AppSync names it (`"API Key Authorization"`,
 * `"User Pool Authorization"`, …; see auth/identity.ts). A request with no authorizer is an
 * API-key request, as there.
 */
export function authType(): string {
  const execution = currentExecution();
  if (!execution) throw new CodeError('util.authType was called outside a resolver execution', undefined);
  return execution.authType ?? 'API Key Authorization';
}
