import { useMutation } from "@tanstack/react-query";
import { useCallback, useState } from "react";

import { focusFirstInvalid } from "~/components/auth/focus-first-invalid";
import { isExpectedError, toFormError, type ErrorContext } from "~/lib/errors";

export type Errors = Record<string, string | undefined>;

/**
 * Field errors and a form-level error for a form that calls Convex. `fail` turns a thrown
 * ConvexError into a message by its field (when the form has that field) or at the top.
 */
export function useFormErrors(fields: readonly string[], context: ErrorContext = {}) {
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string>();
  const { flow } = context;

  const fail = useCallback(
    (error: unknown, form?: HTMLFormElement | null) => {
      const { field, message } = toFormError(error, { flow });
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
    [fields, flow],
  );

  /** Sets client-side errors; returns true when there are any (and focuses the first). */
  const check = useCallback((next: Errors, form?: HTMLFormElement | null) => {
    setErrors(next);
    setFormError(undefined);
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
  }, []);

  return { errors, formError, fail, check, clear, reset, setFormError };
}

/**
 * useFormErrors plus the submission, a react-query mutation: `run(form, action)` is `busy`
 * (isPending) while the action runs, `saved` (isSuccess) once it resolved, and hands an expected
 * error to `fail` (which focuses its field in `form`; pass null not to move focus). An unexpected
 * one is left to the app-wide handler (router.tsx), except in a sign-in flow, whose failures are
 * all the form's to word. `setSaved(false)` forgets the last submission.
 */
export function useFormSubmit(fields: readonly string[], context?: ErrorContext) {
  const formErrors = useFormErrors(fields, context);
  const inline = context?.flow !== undefined;
  const submission = useMutation({
    mutationFn: (action: () => Promise<unknown>) => action(),
    meta: { showsErrors: inline },
  });
  const { fail } = formErrors;
  const { mutateAsync, reset } = submission;

  const run = useCallback(
    async (form: HTMLFormElement | null, action: () => Promise<unknown>) => {
      try {
        await mutateAsync(action);
      } catch (error) {
        if (inline || isExpectedError(error)) fail(error, form);
      }
    },
    [fail, inline, mutateAsync],
  );

  const setSaved = useCallback(
    (saved: false) => {
      if (!saved) reset();
    },
    [reset],
  );

  return { ...formErrors, busy: submission.isPending, saved: submission.isSuccess, setSaved, run };
}
