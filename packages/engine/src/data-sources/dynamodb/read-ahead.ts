/**
 * What DynamoDB's page does not tell (contract DDB-06: `nextToken` is null when there are no more
 * pages): DynamoDB returns a LastEvaluatedKey whenever it stops at `Limit`, even on the last item, so
 * a token taken as is can lead to an empty last page. {@link settlePage} reads ahead from that key to
 * hand out a token only when something follows; and a filtered page that matched nothing while more
 * items follow is replaced by the matches further on. Pages keep AppSync's shape otherwise (`limit`
 * caps the items a range evaluates); every extra read is bounded.
 */
import type { NativeItem } from './typed';

export type ReadOutput = { Items?: NativeItem[]; Count?: number; LastEvaluatedKey?: NativeItem; ScannedCount?: number };
/** Reads the same list (the same request) from `startKey`, `limit` items evaluated. */
export type ReadFrom = (startKey: NativeItem, limit: number) => Promise<ReadOutput>;

/** Extra reads a filtered page may make past its end, per purpose (skipping empty ranges, looking ahead). */
export const MAX_READ_AHEADS = 3;
/** Items a filtered page's extra read evaluates (at least the page's `limit`). */
export const READ_AHEAD_ITEMS = 100;

/**
 * Where the next page starts, or undefined when nothing follows. Called when a page with a `limit`
 * ended with a LastEvaluatedKey. Without a filter, one item read from that key tells whether the
 * list goes on. With a filter, the following items are read with it: a match means the next page
 * is not empty; no match and no more items means this was the last page; no match with more items
 * moves the start past the range known to hold no match, up to {@link MAX_READ_AHEADS} times. A
 * failed read-ahead keeps the key it had: the page is still right, only its token may lead to an
 * empty page.
 */
async function readAhead(lastEvaluatedKey: NativeItem, limit: number, filtered: boolean, readFrom: ReadFrom): Promise<NativeItem | undefined> {
  let start = lastEvaluatedKey;
  for (let round = 0; round < (filtered ? MAX_READ_AHEADS : 1); round += 1) {
    let ahead: ReadOutput;
    try {
      ahead = await readFrom(start, filtered ? Math.max(limit, READ_AHEAD_ITEMS) : 1);
    } catch {
      return start;
    }
    if ((ahead.Count ?? ahead.Items?.length ?? 0) > 0) return start;
    if (!ahead.LastEvaluatedKey) return undefined;
    start = ahead.LastEvaluatedKey;
  }
  return start;
}

/** The key of `item`, named as DynamoDB names this list's keys; undefined if the item lacks one (a projection left it out). */
function keyOf(item: NativeItem, names: string[]): NativeItem | undefined {
  const key: NativeItem = {};
  for (const name of names) {
    if (item[name] === undefined) return undefined;
    key[name] = item[name];
  }
  return key;
}

/**
 * A filtered page with no match and more items after it is replaced by the matches of the next
 * {@link READ_AHEAD_ITEMS} items, up to {@link MAX_READ_AHEADS} times, so the caller is not sent an
 * empty page to ask past. Past `limit` matches the page ends at its `limit`-th item (a key built from
 * it with the attribute names of DynamoDB's own LastEvaluatedKey). `ScannedCount` adds up the items
 * evaluated. A failed extra read leaves the page as it was.
 */
async function skipEmpty(output: ReadOutput, limit: number, readFrom: ReadFrom): Promise<ReadOutput> {
  const names = Object.keys(output.LastEvaluatedKey ?? {});
  let current = output;
  let scanned = output.ScannedCount ?? 0;
  try {
    for (let round = 0; round < MAX_READ_AHEADS && current.LastEvaluatedKey && (current.Items ?? []).length === 0; round += 1) {
      const range = await readFrom(current.LastEvaluatedKey, Math.max(limit, READ_AHEAD_ITEMS));
      const items = range.Items ?? [];
      const cut = items.length > limit ? keyOf(items[limit - 1]!, names) : undefined;
      if (items.length > limit && !cut) {
        // No key to end the page at: read this range again in pages of the caller's size.
        current = await readFrom(current.LastEvaluatedKey, limit);
        scanned += current.ScannedCount ?? 0;
        continue;
      }
      current = cut ? { Items: items.slice(0, limit), LastEvaluatedKey: cut } : range;
      scanned += range.ScannedCount ?? 0;
    }
  } catch {
    // The page read so far is still a right page (empty, with its token).
  }
  return { ...current, ScannedCount: scanned };
}

/**
 * The page to hand out for `first` (DynamoDB's answer to a Query or Scan with `limit`, or none) and
 * the key the next page starts at, undefined when nothing follows.
 */
export async function settlePage(first: ReadOutput, limit: number | undefined, filtered: boolean, readFrom: ReadFrom): Promise<{ output: ReadOutput; next: NativeItem | undefined }> {
  if (limit === undefined || !first.LastEvaluatedKey) return { output: first, next: first.LastEvaluatedKey };
  const output = filtered ? await skipEmpty(first, limit, readFrom) : first;
  const next = output.LastEvaluatedKey ? await readAhead(output.LastEvaluatedKey, limit, filtered, readFrom) : undefined;
  return { output, next };
}
