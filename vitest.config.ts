import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/** Pages and tests import the server as @functions/... (tsconfig.json paths; Astro reads them itself). */
const resolve = { alias: { "@functions": new URL("./functions", import.meta.url).pathname } };

/**
 * Three layers (see README "Tests"):
 * - worker: inside workerd with real D1 and the real migrations, storage reset per test;
 * - unit: plain Node for pure helpers, UI strings and content schemas;
 * - browser: Debian's Chromium against the built Worker served locally.
 */
export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest(({ inject }) => ({
              wrangler: { configPath: "./wrangler.toml" },
              main: "./test/worker/entry.ts",
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  PORTAL_ENV: "test",
                  TRUST_CLIENT_ADDRESS_HEADER: "1",
                  TOKEN_SECRET: "worker-test-secret-0123456789",
                  // The fake Aliyun SMS of test/fake-sms/ (no provider is configured by default).
                  FAKE_SMS_URL: inject("fakeSmsUrl"),
                },
              },
            })),
          ],
          resolve,
          test: {
            name: "worker",
            include: ["test/worker/**/*.test.ts"],
            setupFiles: ["./test/worker/apply-migrations.ts"],
            globalSetup: ["./test/fake-sms/global-setup.ts"],
          },
        },
        {
          resolve,
          test: {
            name: "unit",
            include: ["test/unit/**/*.test.ts"],
            environment: "node",
          },
        },
        {
          resolve,
          test: {
            name: "browser",
            include: ["test/browser/**/*.test.ts"],
            environment: "node",
            globalSetup: ["./test/browser/serve.ts"],
            testTimeout: 60_000,
            hookTimeout: 120_000,
            // One Chromium and one server: files run one after another.
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
