import { env } from "cloudflare:workers";
import { sha256Hex } from "@functions/lib/tokens";

/**
 * A digest of every row of every table (migrations' own bookkeeping aside):
 * two equal digests around a request mean it wrote nothing.
 */
export async function databaseDigest(): Promise<string> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name",
  ).all<{ name: string }>();
  // One batch, one round trip: the fuzzers take a digest around every request.
  const tables = await env.DB.batch(results.map(({ name }) => env.DB.prepare(`SELECT * FROM "${name}"`)));
  const parts = results.flatMap(({ name }, i) => [name, JSON.stringify(tables[i]?.results)]);
  return sha256Hex(parts.join("\n"));
}
