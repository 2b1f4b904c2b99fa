import type { z } from "astro/zod";
import { parseInput } from "../../functions/lib/validate";
import { noticeSchema } from "./notice-schema";

/**
 * A notice's (or an event's) front-matter problems as the build prints them: the schema's message keys
 * in English, the same words the dashboard's API gives for the same field
 * (functions/publishing/notice-fields.ts), each with its field's path.
 */
export function englishProblems(data: unknown, schema: z.ZodType = noticeSchema): string[] {
  const parsed = parseInput(schema, data, "en");
  return parsed.ok ? [] : parsed.errors.map((e) => `${e.field}: ${e.message}`);
}
