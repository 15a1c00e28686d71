import type { FieldErrors } from "~/lib/validation";

/** Moves focus to the first field with an error, so keyboard and screen-reader users land on it. */
export function focusFirstInvalid<F extends string>(form: HTMLFormElement, errors: FieldErrors<F>) {
  const first = (Object.keys(errors) as F[]).find((key) => errors[key] !== undefined);
  if (!first) return;
  const input = form.elements.namedItem(first);
  if (input instanceof HTMLElement) input.focus();
}
