import { townshipFile } from "@functions/letters/model";
import { jsonFileCollection } from "./json-file";

/** The county's townships (content/taxonomy/townships.json), offered on the letter form. */
export const townships = jsonFileCollection("townships", "content/taxonomy/townships.json", townshipFile);
