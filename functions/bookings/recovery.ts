import { county } from "../../county.config";
import type { Lang } from "../lib/lang";
import { derivedToken } from "../lib/tokens";
import type { Recoverable } from "../messages/recover";
import type { LinkKeys } from "../messages/texts";
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

/** The link an SMS carries: the token the booking was issued with, whichever key made it. */
export async function bookingLink({ keys, db }: LinkKeys, reference: string, lang: Lang): Promise<string> {
  const stored = await db
    .prepare("SELECT token_hash FROM bookings WHERE reference = ?")
    .bind(reference)
    .first<string>("token_hash");
  const token = await derivedToken(keys, "booking", reference, stored);
  return new URL(bookingLinks(reference, token, lang).page, county.siteUrl).href;
}
