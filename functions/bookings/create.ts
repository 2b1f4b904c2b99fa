import type { Context } from "hono";
import { county } from "../../county.config";
import type { AppEnv } from "../env";
import { GUARD, violated } from "../lib/constraints";
import { addDays, dateRange, todayInCounty } from "../lib/dates";
import { type Claim, once, type Write } from "../lib/idempotency";
import type { Lang } from "../lib/lang";
import { message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import { requireTokenKeys } from "../lib/token-secret";
import { derivedToken, newReference, secretToken, sha256Hex } from "../lib/tokens";
import { badRequest } from "../lib/validate";
import { type BookingSource, bookingSource, overLimit } from "./holds";
import { type BookingView, bookingLinks, bookingView } from "./present";
import {
  type BookingRow,
  closedNightsQuery,
  type NewBooking,
  type SlotRules,
  shortNights,
  slotRulesQuery,
  slotStatements,
  stayStatements,
  type UnitTypeRules,
  unitRulesQuery,
} from "./queries";
import { closedNights, lastBookableNight, needsConfirmation, placesLeft, STAY_LIMITS, sessionOpen } from "./rules";
import type { SlotInput, StayInput } from "./schema";
import { datesInText, guestLang, tellGuest } from "./tell-guest";

export interface Created {
  status: number;
  body: BookingView & { token: string; links: ReturnType<typeof bookingLinks> };
  replayed: boolean;
}

const field = (name: string, text: string) => badRequest([{ field: name, message: text }]);

function conflict(slug: string, detail: (lang: Lang) => string, extra: Record<string, unknown> = {}) {
  return new ProblemError(409, slug, (lang) => ({ detail: detail(lang), ...extra }));
}

/** Rules a stay must meet before the write is attempted (the race-critical capacity check is in SQL). */
function checkStay(
  unit: UnitTypeRules,
  input: StayInput,
  closures: Array<{ from_date: string; to_date: string }>,
  lang: Lang,
  today: string,
) {
  if (input.checkIn < today) throw field("checkIn", message(lang, "bookings.past"));
  const last = lastBookableNight(today, unit.bookingWindowDays);
  const lastNight = addDays(input.checkIn, input.nights - 1);
  if (lastNight > last) {
    throw field("checkIn", message(lang, "bookings.window", { days: unit.bookingWindowDays, last }));
  }
  if (input.nights < unit.minNights) throw field("nights", message(lang, "bookings.minNights", { n: unit.minNights }));
  if (input.nights > unit.maxNights) throw field("nights", message(lang, "bookings.maxNights", { n: unit.maxNights }));
  const max = unit.maxGuests * input.units;
  if (input.guests.adults + input.guests.children > max) {
    throw field("guests", message(lang, "bookings.tooManyGuests", { units: input.units, max }));
  }
  const closed = closedNights(closures, dateRange(input.checkIn, addDays(input.checkIn, input.nights)));
  if (closed.length) {
    throw conflict("closed", (l) => message(l, "bookings.closed", { nights: closed.join(", ") }), { nights: closed });
  }
}

function newBooking(
  input: StayInput | SlotInput,
  lang: Lang,
  source: BookingSource,
  fields: Pick<NewBooking, "checkIn" | "nights" | "units" | "totalFen">,
): Omit<NewBooking, "reference" | "tokenHash"> {
  // A large booking keeps its places while the campsite decides, for a limited time.
  const held = needsConfirmation("unit" in input ? "stay" : "activity", fields.units);
  const hours = county.bookingLimits.holdHours;
  return {
    ...fields,
    status: held ? "held" : "confirmed",
    holdUntil: held ? new Date(Date.now() + hours * 3_600_000).toISOString() : null,
    source,
    adults: input.guests.adults,
    children: input.guests.children,
    contactName: input.contact.name,
    contactPhone: input.contact.phone,
    contactEmail: input.contact.email ?? null,
    notes: input.notes ?? null,
    lang,
  };
}

/**
 * Creates a booking for a stay or an activity place. One read round trip (the
 * replayed response, the rules, the closures), then ONE write batch.
 */
export async function createBooking(
  c: Context<AppEnv>,
  input: StayInput | SlotInput,
  claim: Claim,
  lang: Lang,
): Promise<Created> {
  const d1 = c.env.DB;
  const keys = requireTokenKeys(c.env);
  const secret = keys.current;
  const isStay = "unit" in input;
  const reads = [
    isStay ? unitRulesQuery(d1, input.unit) : slotRulesQuery(d1, input.slot),
    isStay
      ? closedNightsQuery(d1, input.unit, input.checkIn, addDays(input.checkIn, input.nights))
      : d1.prepare("SELECT 1 WHERE 0"),
  ];
  const source = await bookingSource(c, secret, input.contact.phone);
  const outcome = await once(d1, claim, (w) => book(d1, secret, input, lang, source, w), reads);
  const view = outcome.body as BookingView;
  // A replay after TOKEN_SECRET was replaced hands back the token the booking was made with.
  const stored = outcome.replayed
    ? (
        await d1
          .prepare("SELECT token_hash FROM bookings WHERE reference = ?")
          .bind(view.reference)
          .first<{ token_hash: string }>()
      )?.token_hash
    : null;
  const token = await derivedToken(keys, "booking", view.reference, stored);
  return {
    status: outcome.status,
    body: { ...view, token, links: bookingLinks(view.reference, token, lang) },
    replayed: outcome.replayed,
  };
}

/** The write: the rules checked, then the booking in one batch that starts with the key claim. */
async function book(
  d1: D1Database,
  secret: string,
  input: StayInput | SlotInput,
  lang: Lang,
  source: BookingSource,
  { claimKey, reads: [rulesRows, closureRows] }: Write,
): Promise<{ status: number; body: BookingView }> {
  const today = todayInCounty();
  const isStay = "unit" in input;
  const rules = rulesRows?.results[0] as (UnitTypeRules & SlotRules) | undefined;
  let statements: (b: NewBooking) => D1PreparedStatement[];
  let draft: Omit<NewBooking, "reference" | "tokenHash">;
  let freeCancelDays: number;
  let place: string;
  let time: string | undefined;
  if (isStay) {
    if (!rules?.active) throw field("unit", message(lang, "bookings.unknownUnit"));
    checkStay(rules, input, (closureRows?.results ?? []) as Array<{ from_date: string; to_date: string }>, lang, today);
    draft = newBooking(input, lang, source, {
      checkIn: input.checkIn,
      nights: input.nights,
      units: input.units,
      totalFen: rules.priceFen * input.nights * input.units,
    });
    statements = (b) => stayStatements(d1, rules, b);
    freeCancelDays = rules.freeCancelDays;
    place = guestLang(lang) === "en" ? rules.siteNameEn : rules.siteNameZh;
  } else {
    if (!rules?.active) throw field("slot", message(lang, "bookings.unknownSlot"));
    if (!sessionOpen(rules.date, today)) throw field("slot", message(lang, "bookings.slotPast"));
    const places = input.guests.adults + input.guests.children;
    if (places > STAY_LIMITS.places) {
      throw field("guests", message(lang, "bookings.places.max", { max: STAY_LIMITS.places }));
    }
    draft = newBooking(input, lang, source, {
      checkIn: rules.date,
      nights: 0,
      units: places,
      totalFen: rules.priceFen * places,
    });
    statements = (b) => slotStatements(d1, rules, b);
    freeCancelDays = rules.freeCancelDays;
    place = guestLang(lang) === "en" ? rules.nameEn : rules.nameZh;
    time = rules.startTime;
  }

  // A reference collision is astronomically rare; one retry with a new one covers it.
  for (let attempt = 0; attempt < 2; attempt++) {
    const reference = newReference();
    const token = await secretToken(secret, "booking", reference);
    const booking: NewBooking = { ...draft, reference, tokenHash: await sha256Hex(token) };
    const view = bookingView(rowFrom(booking, input), freeCancelDays);
    const response = { status: 201, body: view };
    try {
      // The guest's text goes in the same batch: a booking is never without it, a replay never adds one.
      const told = tellGuest(
        d1,
        { reference, contact_phone: booking.contactPhone, lang },
        booking.status === "held" ? "booking-received" : "booking-made",
        { place, dates: datesInText(lang, booking.checkIn, booking.nights, time) },
      );
      await d1.batch([claimKey(response), ...statements(booking), ...told]);
      return response;
    } catch (error) {
      if (violated(error, "bookings.reference")) continue;
      if (violated(error, "booking_holds_cap")) throw await limitReached(d1, booking, input, source);
      const overCapacity = violated(error, "night_inventory_capacity", "activity_slots_capacity");
      if (overCapacity && isStay) {
        const full = await shortNights(d1, rules, input.checkIn, input.nights, input.units);
        const nights = full.length ? full : [{ date: input.checkIn, remaining: 0 }];
        throw conflict("full", (l) => message(l, "bookings.full", { nights: nights.map((n) => n.date).join(", ") }), {
          nights,
        });
      }
      if (overCapacity) {
        const now = await d1
          .prepare("SELECT capacity, booked FROM activity_slots WHERE id = ?")
          .bind(rules.id)
          .first<{ capacity: number; booked: number }>();
        const remaining = now ? placesLeft(now.capacity, now.booked) : 0;
        throw conflict("full", (l) => message(l, "bookings.slotFull", { remaining }), { remaining });
      }
      if (violated(error, GUARD)) throw conflict("unavailable", (l) => message(l, "bookings.unavailable"));
      throw error;
    }
  }
  throw new Error("could not allocate a booking reference");
}

/** The 409 for a booking that would take its phone (or its address) past the county's limit. */
async function limitReached(d1: D1Database, b: NewBooking, input: StayInput | SlotInput, source: BookingSource) {
  const things = {
    unitTypeId: "unit" in input ? input.unit : null,
    slotId: "slot" in input ? input.slot : null,
    checkIn: b.checkIn,
    nights: b.nights,
  };
  const nights = things.slotId ? [] : dateRange(b.checkIn, addDays(b.checkIn, b.nights));
  const over = await overLimit(d1, things, nights, b.units, source);
  const list = over.nights.join(", ");
  if (over.by === "phone") {
    return conflict(
      "phone-limit",
      (l) => message(l, "bookings.phoneLimit", { nights: list, held: over.held, max: over.max }),
      { nights: over.nights, limit: over.max },
    );
  }
  return conflict("address-limit", (l) => message(l, "bookings.addressLimit", { nights: list }), {
    nights: over.nights,
  });
}

function rowFrom(b: NewBooking, input: StayInput | SlotInput): BookingRow {
  return {
    id: 0,
    reference: b.reference,
    token_hash: b.tokenHash,
    unit_type_id: "unit" in input ? input.unit : null,
    slot_id: "slot" in input ? input.slot : null,
    check_in: b.checkIn,
    nights: b.nights,
    units: b.units,
    adults: b.adults,
    children: b.children,
    contact_name: b.contactName,
    contact_phone: b.contactPhone,
    contact_email: b.contactEmail,
    notes: b.notes,
    lang: b.lang,
    status: b.status,
    total_fen: b.totalFen,
    created_at: new Date().toISOString(),
    cancelled_at: null,
    cancelled_by: null,
    cancel_reason: null,
    hold_until: b.holdUntil,
    phone_hash: b.source.phoneHash,
    address_hash: b.source.addressHash,
    agent_hash: b.source.agentHash,
  };
}
