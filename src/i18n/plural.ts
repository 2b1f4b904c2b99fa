import { fill, type Lang, t } from "./index";

/** Counted things whose words change with the number: each has a `.one` and an `.other` string. */
type Counted = "party.adults" | "party.children" | "count.nights" | "count.units" | "count.days" | "count.places";

const rules = new Map<Lang, Intl.PluralRules>();

/** "1 adult", "2 adults", "成人 2 人": the locale's plural rule picks the form. */
export function counted(locale: Lang, what: Counted, n: number): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return fill(t(locale, `${what}.${rule.select(n) === "one" ? "one" : "other"}`), { n });
}

/** The party of a booking: "2 adults, 1 child"; children are left out when there are none. */
export function partyText(locale: Lang, guests: { adults: number; children: number }): string {
  const parts = [counted(locale, "party.adults", guests.adults)];
  if (guests.children > 0) parts.push(counted(locale, "party.children", guests.children));
  return parts.join(t(locale, "party.separator"));
}
