import { useSyncExternalStore } from "react";

import { unexpectedErrors } from "~/lib/unexpected-errors";

/** Shows the latest unexpected failure of an action (never an expected, per-form one). */
export function UnexpectedErrorNotice() {
  const error = useSyncExternalStore(unexpectedErrors.subscribe, unexpectedErrors.get, () => null);
  if (!error) return null;
  return (
    <div
      role="alert"
      className="bg-destructive text-destructive-foreground fixed inset-x-4 bottom-4 z-50 mx-auto flex max-w-md items-center gap-3 rounded-lg px-4 py-3 text-sm text-white shadow-lg"
    >
      <p className="flex-1">{error.message}</p>
      <button
        type="button"
        className="font-medium underline underline-offset-4"
        onClick={() => unexpectedErrors.dismiss()}
      >
        Dismiss
      </button>
    </div>
  );
}
