import { useSyncExternalStore } from "react";

import { browserTimeZone } from "~/lib/browser-time-zone";

const subscribe = () => () => {};

/**
 * The viewer's IANA zone, or null while server rendering and hydrating (the server can't know
 * it, and the first client render must match the server's HTML).
 */
export function useViewerTimeZone(): string | null {
  return useSyncExternalStore(subscribe, browserTimeZone, () => null);
}
