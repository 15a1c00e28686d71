// Deployment variables for the local backend. Auth keys and the site URL are generated on first
// start and kept in .local/ (a real deployment keeps them in its environment settings); other
// variables (RESEND_API_KEY, ANTHROPIC_API_KEY, ...) come from .env.local and the process env.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { exportJWK, exportPKCS8, generateKeyPair, type JWK } from "jose";

export type AuthKeys = { JWT_PRIVATE_KEY: string; JWKS: string; publicKey: JWK };

export async function loadOrCreateAuthKeys(stateDir: string): Promise<AuthKeys> {
  const file = join(stateDir, "auth-keys.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as AuthKeys;
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), use: "sig", alg: "RS256" };
  const keys: AuthKeys = {
    // @convex-dev/auth expects the PEM on one line.
    JWT_PRIVATE_KEY: (await exportPKCS8(privateKey)).trimEnd().replace(/\n/g, " "),
    JWKS: JSON.stringify({ keys: [publicJwk] }),
    publicKey: publicJwk,
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

/** Parses KEY=value lines (# comments, optional quotes). Missing file → {}. */
export function readDotEnv(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const vars: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith("#")) continue;
    const [, key, raw = ""] = match;
    vars[key!] = raw.replace(/^(['"])(.*)\1$/, "$2");
  }
  return vars;
}
