import { workingDayFile } from "@functions/lib/working-days";
import { jsonFileCollection } from "./json-file";

/**
 * The holiday schedule deadlines count working days by (content/taxonomy/working-days.json):
 * a weekday marked as worked, a holiday ending before it starts or a bad date fails the build.
 */
export const workingDays = jsonFileCollection("working-days", "content/taxonomy/working-days.json", workingDayFile);
