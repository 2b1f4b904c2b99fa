import { message } from "./messages";
import { ProblemError } from "./problem";
import type { TokenKeys } from "./tokens";

/**
 * Every booking, order and known-device token is an HMAC of TOKEN_SECRET, so a guessable
 * secret lets anyone make them. In production a secret that is missing, shorter than 32
 * characters or one of the demo values printed in this repository is refused: the routes
 * that need it answer 503 and /api/health says why. Elsewhere (the demo, tests) the demo
 * values are fine.
 */
const MIN_PRODUCTION_SECRET = 32;

/** Secrets that appear in package.json, the test and benchmark configurations and the README. */
const DEMO_SECRETS = new Set([
  "local-demo-secret-not-for-production",
  "worker-test-secret-0123456789",
  "browser-test-secret-0123456789",
  "bench-secret-0123456789",
  "second-county-secret-0123456789",
  "change-me",
  "changeme",
  "secret",
]);

export type SecretState = "ok" | "missing" | "weak";

interface SecretEnv {
  PORTAL_ENV?: string | undefined;
  TOKEN_SECRET?: string | undefined;
  TOKEN_SECRET_PREVIOUS?: string | undefined;
}

const isProduction = (env: SecretEnv) => env.PORTAL_ENV === "production";

function judge(env: SecretEnv, secret: string | undefined): SecretState {
  if (!secret || secret.length < 16) return "missing";
  if (isProduction(env) && (secret.length < MIN_PRODUCTION_SECRET || DEMO_SECRETS.has(secret))) return "weak";
  return "ok";
}

/** What /api/health reports: the current key, and a previous key that is set but weak. */
export function tokenSecretState(env: SecretEnv): SecretState {
  const current = judge(env, env.TOKEN_SECRET);
  if (current !== "ok") return current;
  const previous = env.TOKEN_SECRET_PREVIOUS;
  return previous && judge(env, previous) !== "ok" ? "weak" : "ok";
}

/** The keys, or a 503 problem naming what the operator has to fix. */
export function requireTokenKeys(env: SecretEnv): TokenKeys {
  const state = tokenSecretState(env);
  if (state !== "ok") {
    console.error(
      `TOKEN_SECRET is ${state}: run \`wrangler secret put TOKEN_SECRET\` with ${MIN_PRODUCTION_SECRET}+ random characters`,
    );
    throw new ProblemError(503, "token-secret", (lang) => ({ detail: message(lang, "security.secretUnusable") }));
  }
  return { current: env.TOKEN_SECRET ?? "", previous: env.TOKEN_SECRET_PREVIOUS ? [env.TOKEN_SECRET_PREVIOUS] : [] };
}

/** The current key: what booking and order routes sign with. */
export function requireTokenSecret(env: SecretEnv): string {
  return requireTokenKeys(env).current;
}
