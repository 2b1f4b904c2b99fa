import { ORDER_STATUSES } from "../db/schema";
import { OPEN_STATUSES } from "./order-states";

const CLOSED = ORDER_STATUSES.filter((s) => !(OPEN_STATUSES as readonly string[]).includes(s));

/**
 * Erases the buyer's name, phone, e-mail, notes and street address `days` after the
 * order was completed or cancelled (county.config.ts `privacy`). Province and city stay,
 * with the lines and totals, for the county's statistics of where produce goes.
 */
export function eraseOrderContacts(d1: D1Database, now: Date, days: number): D1PreparedStatement {
  const closed = CLOSED.map(() => "?").join(", ");
  return d1
    .prepare(
      `UPDATE orders
          SET contact_name = '', contact_phone = '', contact_email = NULL, notes = NULL, district = NULL,
              address_line = CASE WHEN address_line IS NULL THEN NULL ELSE '' END, postcode = NULL,
              phone_key = '', source_address_hash = NULL, source_agent_hash = NULL, erased_at = ?
        WHERE erased_at IS NULL AND status IN (${closed}) AND updated_at < ?`,
    )
    .bind(now.toISOString(), ...CLOSED, new Date(now.getTime() - days * 86_400_000).toISOString());
}
