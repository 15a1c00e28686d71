// Deployment variables, read in one place. Convex exposes them as `process.env` in every
// function; the lint rule @convex-dev/no-process-env asks for that to be deliberate, so this file
// is the only reader (one disable below) and the rest of the app asks these helpers.

function read(name: string): string | undefined {
  // eslint-disable-next-line @convex-dev/no-process-env -- the app's single reader of deployment variables
  const value = process.env[name];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

export const env = {
  /** The web app, e.g. https://orgs.example.org (links to pages such as /settings). */
  siteUrl: () => stripSlash(read("SITE_URL") ?? "http://localhost:3000"),
  /** Convex's HTTP actions (built in on Convex; set by the local backend). */
  convexSiteUrl: () => stripSlash(read("CONVEX_SITE_URL") ?? "http://localhost:3211"),
  /** Set → engagement scoring asks Claude; unset → the rule-based scorer runs (and says so). */
  anthropicApiKey: () => read("ANTHROPIC_API_KEY"),
  /** Set → emails go out through the Resend component; unset → they are only recorded. */
  resendApiKey: () => read("RESEND_API_KEY"),
  /** Set → POST /resend-webhook accepts Resend's signed delivery events. */
  resendWebhookSecret: () => read("RESEND_WEBHOOK_SECRET"),
  /** "1" keeps the Resend component in test mode (only @resend.dev recipients). */
  resendTestMode: () => read("RESEND_TEST_MODE") === "1",
  /** The sender, e.g. `ASTN Orgs <events@astn.example>`. */
  emailFrom: () => read("EMAIL_FROM") ?? "ASTN Orgs <notifications@astn.invalid>",
  /** HMAC key for unsubscribe links; without it a generated one is stored in `secrets`. */
  unsubscribeSecret: () => read("UNSUBSCRIBE_SECRET"),
  /** True only inside local-backend/ (the offline runtime); gates the dev mailbox. */
  isLocalBackend: () => read("ASTN_LOCAL_BACKEND") === "1",
};
