import { z } from "astro/zod";
import units from "../../content/taxonomy/units.json";

/**
 * One downloadable dataset of county figures (content/open-data/<id>.json).
 * Every figure carries its own unit, period, source and date, because figures in
 * one dataset are often reported by different offices at different times.
 */

const UNIT_KEYS = Object.keys(units) as [string, ...string[]];

const text = z.object({ "zh-CN": z.string().min(1), en: z.string().min(1) });

/** "2022", "2023-03", or an ISO 8601 interval such as "2023-03/.." (open-ended) or "2023-01/2023-06". */
const PERIOD = /^\d{4}(-\d{2})?(\/(\d{4}(-\d{2})?|\.\.))?$/;

const unit = z.enum(UNIT_KEYS, { error: `must be one of ${UNIT_KEYS.join(", ")} (content/taxonomy/units.json)` });

const figureSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "must be lower-case words joined by hyphens" }),
  label: text,
  /** A short label for the chart, where space is tight. */
  short: text,
  value: z.number().nonnegative(),
  /** When the source gives a rounded figure: "about 14,000", "more than 200". */
  qualifier: z.enum(["about", "more-than"]).optional(),
  unit,
  period: z.string().regex(PERIOD, { error: 'must be a year, a month, or an interval like "2023-03/.."' }),
  /** Percentage change on the same period a year earlier. */
  change: z.number().optional(),
  source: text,
  date: z.iso.date({ error: "must be a date written YYYY-MM-DD" }),
});

const chart = z.discriminatedUnion("measure", [
  z.object({ measure: z.literal("value"), unit, title: text }),
  z.object({ measure: z.literal("change"), title: text }),
]);

export const datasetSchema = z
  .object({
    order: z.number().int(),
    title: text,
    description: text,
    charts: z.array(chart).min(1),
    records: z.array(figureSchema).min(1),
  })
  .superRefine((dataset, ctx) => {
    const ids = new Set<string>();
    dataset.records.forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: "custom", path: ["records", i, "id"], message: `"${r.id}" is repeated` });
      ids.add(r.id);
    });
    dataset.charts.forEach((c, i) => {
      const plotted =
        c.measure === "change"
          ? dataset.records.filter((r) => r.change !== undefined)
          : dataset.records.filter((r) => r.unit === c.unit);
      if (plotted.length === 0) {
        ctx.addIssue({ code: "custom", path: ["charts", i], message: "no figure in this dataset fits this chart" });
      }
    });
  });

export type Dataset = z.output<typeof datasetSchema>;
export type Figure = z.output<typeof figureSchema>;
export type Chart = Dataset["charts"][number];
