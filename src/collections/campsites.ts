import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

/**
 * What editors write about a campsite, one file per language:
 * content/campsites/<lang>/<slug>.md. Prices, units and availability are
 * operational data in D1, linked by `site` (the campsite's slug).
 */
/**
 * Longest weather-and-road note: with the altitude and the campsite's name it makes one
 * SMS of its own (70 Chinese characters; an English text may run to two).
 */
const ARRIVAL_NOTE_MAX = { "zh-CN": 40, en: 110 } as const;

const campsiteSchema = z.object({
  site: z.string().regex(/^[a-z0-9-]+$/),
  lang: z.enum(["zh-CN", "en"]),
  name: z.string().min(1),
  summary: z.string().min(1),
  township: z.string().min(1),
  village: z.string().min(1),
  address: z.string().min(1),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  altitude: z.number().optional(),
  facilities: z.array(z.string()).min(1),
  rules: z.array(z.string()).min(1),
  bring: z.array(z.string()).min(1),
  directions: z.string().min(1),
  /**
   * Weather and road, for the texts a guest gets two days before arrival (after the
   * reference, dates and deadline, in a second SMS with the altitude).
   */
  arrivalNote: z.string().min(1).optional(),
  contactPhone: z.string().min(5),
});

export const campsites = defineCollection({
  loader: glob({ pattern: "**/*.md", base: "./content/campsites" }),
  schema: campsiteSchema.refine((c) => !c.arrivalNote || c.arrivalNote.length <= ARRIVAL_NOTE_MAX[c.lang], {
    path: ["arrivalNote"],
    message: "too long for one text message (40 characters in Chinese, 110 in English)",
  }),
});
