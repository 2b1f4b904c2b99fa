import type { NavKey } from "./nav.zh-CN";

/** Header search, the lookup link and the not-found page, English. Keys must match nav.zh-CN.ts exactly (tested via en.ts). */
export const navEn: Record<NavKey, string> = {
  "nav.find": "Find my booking or order",
  "nav.search": "Search notices",
  "nav.searchSubmit": "Search",
  "notFound.lead":
    "Check that the address is typed correctly, search the notices, or start from one of the sections below.",
  "notFound.searchLabel": "Search notices",
  "notFound.links": "Main sections",
};
