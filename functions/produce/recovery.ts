import { county } from "../../county.config";
import { type Lang, localePath } from "../lib/lang";
import { secretToken } from "../lib/tokens";
import type { Recoverable } from "../messages/recover";

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

export async function orderLink(secret: string, reference: string, lang: Lang): Promise<string> {
  const token = await secretToken(secret, "order", reference);
  return new URL(orderLinks(reference, token, lang).page, county.siteUrl).href;
}
