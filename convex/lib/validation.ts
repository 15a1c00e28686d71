import { invalidArgument } from "./errors";

// Pragmatic check: one @, no spaces, a dot in the domain. Deliverability is the mail server's job.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const LIMITS = {
  name: 100,
  email: 254,
  password: { min: 8, max: 128 },
} as const;

/** Trims and checks a required string; throws INVALID_ARGUMENT naming the field. */
export function requireText(field: string, value: string, max: number, label = field): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw invalidArgument(field, `${capitalize(label)} is required.`);
  if (trimmed.length > max) {
    throw invalidArgument(field, `${capitalize(label)} must be at most ${max} characters.`);
  }
  return trimmed;
}

export function normalizeEmail(field: string, value: string): string {
  const email = value.trim().toLowerCase();
  if (email.length === 0) throw invalidArgument(field, "Email is required.");
  if (email.length > LIMITS.email || !EMAIL_PATTERN.test(email)) {
    throw invalidArgument(field, "Enter a valid email address.");
  }
  return email;
}

export function checkPasswordStrength(field: string, password: string): void {
  if (password.length < LIMITS.password.min) {
    throw invalidArgument(field, `Password must be at least ${LIMITS.password.min} characters.`);
  }
  if (password.length > LIMITS.password.max) {
    throw invalidArgument(field, `Password must be at most ${LIMITS.password.max} characters.`);
  }
  if (!/[a-zA-Z]/.test(password) || !/[0-9]/.test(password)) {
    throw invalidArgument(field, "Password must contain at least one letter and one number.");
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
