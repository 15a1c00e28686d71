import { useEffect, useState, useSyncExternalStore } from "react";

const noSubscribe = () => () => {};

/** The app's origin in the browser; null on the server (for absolute links built after hydration). */
export function useOrigin(): string | null {
  return useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => null,
  );
}

/** The current time, refreshed every `intervalMs` (for "has it started/ended" in the UI). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
