// Sign-up and sign-in through the real Convex Auth action (auth:signIn), password provider.
import { exportJWK, exportPKCS8, generateKeyPair } from "jose";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { api } from "./_generated/api";
import { newTest, type TestBackend } from "./test.setup";
import { RATE_LIMITS } from "./lib/vocabulary";

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  vi.stubEnv("JWT_PRIVATE_KEY", (await exportPKCS8(privateKey)).trimEnd().replace(/\n/g, " "));
  vi.stubEnv("JWKS", JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), use: "sig" }] }));
  vi.stubEnv("CONVEX_SITE_URL", "http://127.0.0.1:3211");
  vi.stubEnv("SITE_URL", "http://127.0.0.1:3000");
  vi.stubEnv("AUTH_LOG_LEVEL", "WARN");
});

const PASSWORD = "correct-horse-1";

function signUp(t: TestBackend, email: string, password = PASSWORD, name = "Ada") {
  return t.action(api.auth.signIn, { provider: "password", params: { flow: "signUp", email, password, name } });
}

function signIn(t: TestBackend, email: string, password = PASSWORD) {
  return t.action(api.auth.signIn, { provider: "password", params: { flow: "signIn", email, password } });
}

const WRONG = { data: { code: "UNAUTHENTICATED", message: "Wrong email or password." } };

describe("auth:signIn (password)", () => {
  test("signs up and signs in with the right password", async () => {
    const t = newTest();
    expect((await signUp(t, "ada@example.com")).tokens).toBeTruthy();
    expect((await signIn(t, "ADA@example.com ")).tokens).toBeTruthy();
  });

  test("a duplicate sign-up is CONFLICT on the email field", async () => {
    const t = newTest();
    await signUp(t, "ada@example.com");
    await expect(signUp(t, "Ada@Example.com")).rejects.toMatchObject({
      data: { code: "CONFLICT", field: "email" },
    });
  });

  test("an unknown email and a wrong password get the same answer", async () => {
    const t = newTest();
    await signUp(t, "ada@example.com");
    const wrongPassword = await signIn(t, "ada@example.com", "wrong-horse-2").catch((e: unknown) => e);
    const unknownEmail = await signIn(t, "nobody@example.com").catch((e: unknown) => e);
    expect(wrongPassword).toMatchObject(WRONG);
    expect(unknownEmail).toMatchObject(WRONG);
    expect((unknownEmail as { data: unknown }).data).toEqual((wrongPassword as { data: unknown }).data);
  });

  test("repeated failures lock the email out with RATE_LIMITED and a retry time, known or not", async () => {
    const t = newTest();
    await signUp(t, "ada@example.com");
    const attempts = RATE_LIMITS.signInPerEmail.capacity;
    for (let i = 0; i < attempts; i++) {
      await expect(signIn(t, "ada@example.com", "wrong-horse-2")).rejects.toMatchObject(WRONG);
      await expect(signIn(t, "nobody@example.com", "wrong-horse-2")).rejects.toMatchObject(WRONG);
    }
    for (const email of ["ada@example.com", "nobody@example.com"]) {
      const error = (await signIn(t, email).catch((e: unknown) => e)) as { data: Record<string, unknown> };
      expect(error.data).toMatchObject({ code: "RATE_LIMITED" });
      expect(error.data.retryAfter).toBeGreaterThan(0);
      expect(error.data.retryAfter).toBeLessThanOrEqual(60 * 60 * 1000);
      expect(error.data.message).toMatch(/Try again in \d+ (second|minute)s?\./);
    }
  });

  test("Convex Auth's own lockout also answers RATE_LIMITED with a retry time", async () => {
    const t = newTest();
    await signUp(t, "ada@example.com");
    const account = await t.run(async (ctx) => ctx.db.query("authAccounts").first());
    await t.run(async (ctx) =>
      ctx.db.insert("authRateLimits", { identifier: account!._id, attemptsLeft: 0, lastAttemptTime: Date.now() }),
    );
    const error = (await signIn(t, "ada@example.com").catch((e: unknown) => e)) as { data: Record<string, unknown> };
    expect(error.data).toMatchObject({ code: "RATE_LIMITED" });
    expect(error.data.retryAfter).toBeGreaterThan(5 * 60 * 1000);
  });

  // Refused sign-ups (here: a too-short password) count too, so these loops stay cheap.
  test("sign-ups are limited per email", async () => {
    const t = newTest();
    for (let i = 0; i < RATE_LIMITS.signUpPerEmail.capacity; i++) {
      await expect(signUp(t, "ada@example.com", "short")).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    }
    await expect(signUp(t, "ada@example.com")).rejects.toMatchObject({
      data: { code: "RATE_LIMITED", retryAfter: expect.any(Number) },
    });
    expect((await signUp(t, "grace@example.com")).tokens).toBeTruthy();
  });

  test("sign-ups are limited overall", async () => {
    const t = newTest();
    for (let i = 0; i < RATE_LIMITS.signUpGlobal.capacity; i++) {
      await expect(signUp(t, `user${i}@example.com`, "short")).rejects.toMatchObject({
        data: { code: "INVALID_ARGUMENT" },
      });
    }
    await expect(signUp(t, "one-more@example.com")).rejects.toMatchObject({
      data: { code: "RATE_LIMITED", retryAfter: expect.any(Number) },
    });
  });
});
