/** The GraphQL playground's settings (src/http/playground.ts): where its files are, and what its page is given. */
import type { PlaygroundSettings } from '../http/playground';
import type { Env } from './values';

/** PLAYGROUND_HEADERS as the header editor shows it; anything but a JSON object is ignored. */
function defaultHeaders(raw: string | undefined): Record<string, unknown> | undefined {
  try {
    const headers = JSON.parse(raw ?? '') as unknown;
    return typeof headers === 'object' && headers !== null && !Array.isArray(headers) ? (headers as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function readPlaygroundSettings(env: Env): PlaygroundSettings {
  return {
    dir: env.PLAYGROUND_DIR,
    headers: defaultHeaders(env.PLAYGROUND_HEADERS),
    subscriptionUrl: env.PLAYGROUND_SUBSCRIPTION_URL || undefined,
  };
}
