/**
 * Coalesces identical concurrent calls within one process: while a call for a key is in flight, later callers get
 * the same promise instead of starting another agency call. The entry is removed as soon as the call settles
 * (errors included), so a failure is shared by those already waiting but never cached for later callers.
 */
export interface SingleFlight {
  coalesce<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Calls in flight now, for metrics and tests. */
  readonly inFlight: number;
}

export function singleFlight(): SingleFlight {
  const calls = new Map<string, Promise<unknown>>();
  return {
    coalesce<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const existing = calls.get(key);
      if (existing !== undefined) return existing as Promise<T>;
      // Promise.resolve().then(fn) turns a synchronous throw in fn into a rejection shared like any other.
      const call = Promise.resolve()
        .then(fn)
        .finally(() => {
          if (calls.get(key) === call) calls.delete(key);
        });
      calls.set(key, call);
      return call;
    },
    get inFlight() {
      return calls.size;
    },
  };
}
