import { useCallback, useState } from "react";

import { focusFirstInvalid } from "~/components/auth/focus-first-invalid";
import { toFormError } from "~/lib/errors";

export type Errors = Record<string, string | undefined>;

/**
 * Field errors and a form-level error for a form that calls Convex. `fail` turns a thrown
 * ConvexError into a message by its field (when the form has that field) or at the top.
 */
export function useFormErrors(fields: readonly string[]) {
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string>();

  const fail = useCallback(
    (error: unknown, form?: HTMLFormElement | null) => {
      const { field, message } = toFormError(error);
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
