import { county } from "../../county.config";
import { type Lang, localePath } from "../lib/lang";
import { derivedToken } from "../lib/tokens";
import type { Recoverable } from "../messages/recover";
import type { LinkKeys } from "../messages/texts";

/** Where a buyer sees their order: the page, keyed by reference + token. */
export function orderLinks(reference: string, token: string, lang: Lang) {
  return { page: `${localePath(lang, "/orders/")}?${new URLSearchParams({ reference, token })}` };
}

/** Orders for "find my order": the phone on a reference, and the link an SMS carries. */
export const orderRecovery: Recoverable = {
  about: "order",
  find: (d1, reference) =>
    d1
      .prepare("SELECT id, contact_phone AS phone FROM orders WHERE reference = ?")
      .bind(reference)
      .first<{ id: number; phone: string }>(),
};

/** The link an SMS carries: the token the order was issued with, whichever key made it. */
export async function orderLink({ keys, db }: LinkKeys, reference: string, lang: Lang): Promise<string> {
  const stored = await db
    .prepare("SELECT token_hash FROM orders WHERE reference = ?")
    .bind(reference)
    .first<string>("token_hash");
  const token = await derivedToken(keys, "order", reference, stored);
  return new URL(orderLinks(reference, token, lang).page, county.siteUrl).href;
}
