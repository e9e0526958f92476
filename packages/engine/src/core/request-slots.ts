/**
 * Typed per-request state of the engine's subsystems: the response budget (LIM-10), GetItem
 * batching, the metered DynamoDB client, batched Direct Lambda calls (EXE-16) and the Lambda data
 * sources' BatchInvoke batches. Each subsystem declares its own `RequestSlot<T>` and is the only one
 * that reads it; the values live in the request's context (`RequestContext.slots`), so nothing of a
 * request outlives it or is kept anywhere else.
 */

/** One subsystem's place in every request, holding a `T`. */
export class RequestSlot<T> {
  /** Carries `T` in the slot's type; never set. */
  declare readonly valueType?: T;

  constructor(readonly name: string) {}
}

/** The values of one request's slots, each reachable only through its slot. */
export class RequestSlots {
  readonly #values = new Map<RequestSlot<unknown>, unknown>();

  /** The slot's value in this request, or undefined before its first use. */
  get<T>(slot: RequestSlot<T>): T | undefined {
    return this.#values.get(slot) as T | undefined;
  }

  /** The slot's value in this request, made by `create` on first use. */
  getOrCreate<T>(slot: RequestSlot<T>, create: () => T): T {
    if (this.#values.has(slot)) return this.#values.get(slot) as T;
    const value = create();
    this.#values.set(slot, value);
    return value;
  }
}
