/** `util.time` (contract UTIL-T*). */
export function nowISO8601(): string {
  return new Date().toISOString();
}
