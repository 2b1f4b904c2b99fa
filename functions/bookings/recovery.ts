import { county } from "../../county.config";
import type { Lang } from "../lib/lang";
import { secretToken } from "../lib/tokens";
import type { Recoverable } from "../messages/recover";
import { bookingLinks } from "./present";

/** Bookings for "find my booking": the phone on a reference, and the link an SMS carries. */
export const bookingRecovery: Recoverable = {
  about: "booking",
  find: (d1, reference) =>
    d1
      .prepare("SELECT id, contact_phone AS phone FROM bookings WHERE reference = ?")
      .bind(reference)
      .first<{ id: number; phone: string }>(),
};

export async function bookingLink(secret: string, reference: string, lang: Lang): Promise<string> {
  const token = await secretToken(secret, "booking", reference);
  return new URL(bookingLinks(reference, token, lang).page, county.siteUrl).href;
}
