import type { FormsKey } from "./forms.zh-CN";

/** Strings of refused forms, English. Keys must match forms.zh-CN.ts exactly (tested via en.ts). */
export const formsEn: Record<FormsKey, string> = {
  "form.summary": "There is a problem",
  "form.checkIn": "Choose an arrival date from {min} to {max}, for example {min}.",
  "form.quantity": "Enter a quantity from 0 to {max} (0 leaves it out).",
};
