import { defineConfig } from "drizzle-kit";

// drizzle-kit only writes SQL here; wrangler applies it (locally, remotely, in tests).
export default defineConfig({
  dialect: "sqlite",
  schema: "./functions/db/schema.ts",
  out: "./migrations",
});
