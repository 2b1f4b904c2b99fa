import { type Lang, localePath } from "../i18n";
import type { UiKey } from "../i18n/zh-CN";

/** The portal's main sections: the header menu and the not-found page list the same ones. */
const SECTIONS: Array<{ path: string; label: UiKey }> = [
  { path: "/notices/", label: "nav.notices" },
  { path: "/events/", label: "nav.events" },
  { path: "/visit/", label: "nav.visit" },
  { path: "/products/", label: "nav.products" },
  { path: "/interact/", label: "nav.interact" },
  // The lookup by reference and phone number (issue point 1) lives at /find/.
  { path: "/find/", label: "nav.find" },
];

export function siteSections(locale: Lang): Array<{ href: string; label: UiKey }> {
  return SECTIONS.map((section) => ({ href: localePath(locale, section.path), label: section.label }));
}
