// Node fires timers longer than 2^31-1 ms (about 24.8 days) at once, with a warning.
// Scheduled functions can be months away, so chain long timers instead. Used by the local
// backend and by the convex-test suites (vitest setup file).
const MAX_TIMER_MS = 2 ** 31 - 1;

export function installLongTimers() {
  const native = globalThis.setTimeout as typeof setTimeout & { __long?: boolean };
  if (native.__long) return;
  const longSetTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    if (ms !== undefined && ms > MAX_TIMER_MS) {
      return native(() => longSetTimeout(callback, ms - MAX_TIMER_MS, ...args), MAX_TIMER_MS);
    }
    return native(callback, ms, ...args);
  }) as typeof setTimeout & { __long?: boolean };
  longSetTimeout.__long = true;
  globalThis.setTimeout = longSetTimeout;
}
