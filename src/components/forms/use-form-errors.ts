import { useCallback, useState } from "react";

import { focusFirstInvalid } from "~/components/auth/focus-first-invalid";
import { toFormError } from "~/lib/errors";

export type Errors = Record<string, string | undefined>;

/**
 * Field errors and a form-level error for a form that calls Convex. `fail` turns a thrown
 * ConvexError into a message by its field (when the form has that field) or at the top; a
 * rate limit also sets `retryAt` (epoch ms), when trying again can succeed.
 */
export function useFormErrors(fields: readonly string[]) {
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string>();
  const [retryAt, setRetryAt] = useState<number>();

  const fail = useCallback(
    (error: unknown, form?: HTMLFormElement | null) => {
      const { field, message, retryAfter } = toFormError(error);
      setRetryAt(retryAfter === undefined ? undefined : Date.now() + retryAfter);
      if (field && fields.includes(field)) {
        const next = { [field]: message };
        setErrors(next);
        setFormError(undefined);
        if (form) focusFirstInvalid(form, next);
      } else {
        setErrors({});
        setFormError(message);
      }
    },
    [fields],
  );

  /** Sets client-side errors; returns true when there are any (and focuses the first). */
  const check = useCallback((next: Errors, form?: HTMLFormElement | null) => {
    setErrors(next);
    setFormError(undefined);
    setRetryAt(undefined);
    const any = Object.values(next).some((m) => m !== undefined);
    if (any && form) focusFirstInvalid(form, next);
    return any;
  }, []);

  const clear = useCallback((field: string) => {
    setErrors((e) => (e[field] === undefined ? e : { ...e, [field]: undefined }));
  }, []);

  const reset = useCallback(() => {
    setErrors({});
    setFormError(undefined);
    setRetryAt(undefined);
  }, []);

  return { errors, formError, retryAt, fail, check, clear, reset, setFormError };
}

/**
 * useFormErrors plus the submission: `run(form, action)` is `busy` while the action runs, sets
 * `saved` when it resolves, and hands a thrown error to `fail` (which focuses its field in
 * `form`; pass null not to move focus). `saved` stays as it is until then: clear it with
 * `setSaved(false)` where a form wants that.
 */
export function useFormSubmit(fields: readonly string[]) {
  const formErrors = useFormErrors(fields);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { fail } = formErrors;

  const run = useCallback(
    async (form: HTMLFormElement | null, action: () => Promise<unknown>) => {
      setBusy(true);
      try {
        await action();
        setSaved(true);
      } catch (error) {
        fail(error, form);
      } finally {
        setBusy(false);
      }
    },
    [fail],
  );

  return { ...formErrors, busy, saved, setSaved, run };
}
