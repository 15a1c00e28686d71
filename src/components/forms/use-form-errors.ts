import { useMutation } from "@tanstack/react-query";
import { useCallback, useState } from "react";

import { focusFirstInvalid } from "./focus-first-invalid";
import { isExpectedError, toFormError } from "~/lib/errors";

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
 * useFormErrors plus the submission, a react-query mutation: `run(form, action)` is `busy`
 * (isPending) while the action runs, `saved` (isSuccess) once it resolved, and hands an expected
 * error to `fail` (which focuses its field in `form`; pass null not to move focus). An unexpected
 * one is left to the app-wide handler (router.tsx). `setSaved(false)` forgets the last
 * submission.
 */
export function useFormSubmit(fields: readonly string[]) {
  const formErrors = useFormErrors(fields);
  const submission = useMutation({ mutationFn: (action: () => Promise<unknown>) => action() });
  const { fail } = formErrors;
  const { mutateAsync, reset } = submission;

  const run = useCallback(
    async (form: HTMLFormElement | null, action: () => Promise<unknown>) => {
      try {
        await mutateAsync(action);
      } catch (error) {
        if (isExpectedError(error)) fail(error, form);
      }
    },
    [fail, mutateAsync],
  );

  const setSaved = useCallback(
    (saved: false) => {
      if (!saved) reset();
    },
    [reset],
  );

  return { ...formErrors, busy: submission.isPending, saved: submission.isSuccess, setSaved, run };
}
