import { campsites } from "./collections/campsites";
import { productCategories } from "./collections/categories";
import { events } from "./collections/events";
import { notices } from "./collections/notices";
import { openData } from "./collections/open-data";
import { townships } from "./collections/townships";
import { workingDays } from "./collections/working-days";

/** Typed content collections: a bad or missing field fails the build, naming the file. */
export const collections = { notices, events, campsites, openData, productCategories, townships, workingDays };
