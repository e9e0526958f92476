/** A vitest global setup: rebuilds the SDK before any test file loads it, when its sources changed since its last build (sdk-build.ts). */
import { ensureSdkBuilt } from './sdk-build';

export default function setup(): void {
  ensureSdkBuilt();
}
