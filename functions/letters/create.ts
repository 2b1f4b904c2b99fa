import type { Context } from "hono";
import { county } from "../../county.config";
import type { AppEnv } from "../env";
import { clientAddress, requestSource } from "../lib/client-address";
import { GUARD, guard, violated } from "../lib/constraints";
import { todayInCounty } from "../lib/dates";
import { type Claim, once } from "../lib/idempotency";
import type { Lang } from "../lib/lang";
import { message } from "../lib/messages";
import { normalisePhone } from "../lib/phone";
import { ProblemError } from "../lib/problem";
import { requireTokenKeys } from "../lib/token-secret";
import { derivedToken, newReference, secretToken, sha256Hex } from "../lib/tokens";
import { dueDate } from "./model";
import { letterLinks, tellWriter } from "./present";
import type { LetterInput } from "./schema";

/**
 * A resident's letter: written once per Idempotency-Key, with the writer's text in the
 * same batch. The daily limits per phone and per address and the duplicate check are
 * guards inside that batch, so racing requests cannot pass them.
 */
export interface CreatedLetter {
  status: number;
  body: { reference: string; token: string; status: "received"; dueBy: string; links: ReturnType<typeof letterLinks> };
  replayed: boolean;
}

/** The same letter sent again within this many days is a duplicate. */
const DUPLICATE_DAYS = 30;

function conflict(slug: string, status: 409 | 429, detail: (lang: Lang) => string) {
  return new ProblemError(status, slug, (lang) => ({ detail: detail(lang) }));
}

/** What makes two letters "the same": their words, whatever the spacing and case (from the same phone or address). */
const bodyKey = (input: LetterInput) => `${input.subject}\n${input.message}`.toLowerCase().replace(/\s+/g, " ").trim();

export async function createLetter(
  c: Context<AppEnv>,
  input: LetterInput,
  claim: Claim,
  lang: Lang,
): Promise<CreatedLetter> {
  const d1 = c.env.DB;
  const keys = requireTokenKeys(c.env);
  const secret = keys.current;
  const address = clientAddress(c);
  const addressKnown = address !== "local" && address !== "unknown";
  const [source, phoneHash, bodyHash] = await Promise.all([
    requestSource(c, secret),
    sha256Hex(`${secret}:letter-phone:${normalisePhone(input.phone)}`),
    sha256Hex(`${secret}:letter-body:${bodyKey(input)}`),
  ]);
  const today = todayInCounty();
  const since = new Date(Date.now() - DUPLICATE_DAYS * 86_400_000).toISOString();
  const { perPhonePerDay, perAddressPerDay } = county.letters;

  const outcome = await once(d1, claim, async ({ claimKey }) => {
    const dueBy = dueDate(input.type, today);
    for (let attempt = 0; attempt < 2; attempt++) {
      const reference = newReference();
      const token = await secretToken(secret, "letter", reference);
      const response = { status: 201, body: { reference, status: "received" as const, dueBy } };
      const checks = [
        guard(
          d1,
          "EXISTS (SELECT 1 FROM letters WHERE body_hash = ? AND created_at > ? AND (phone_hash = ? OR address_hash = ?))",
          bodyHash,
          since,
          phoneHash,
          source.addressHash,
        ),
        guard(
          d1,
          "(SELECT count(*) FROM letters WHERE phone_hash = ? AND received_on = ?) >= ?",
          phoneHash,
          today,
          perPhonePerDay,
        ),
        ...(addressKnown
          ? [
              guard(
                d1,
                "(SELECT count(*) FROM letters WHERE address_hash = ? AND received_on = ?) >= ?",
                source.addressHash,
                today,
                perAddressPerDay,
              ),
            ]
          : []),
      ];
      try {
        await d1.batch([
          claimKey(response),
          ...checks,
          d1
            .prepare(
              `INSERT INTO letters (reference, token_hash, type, subject, message, township, agency_asked, name, phone, email,
                 publish, lang, received_on, due_by, body_hash, phone_hash, address_hash)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .bind(
              reference,
              await sha256Hex(token),
              input.type,
              input.subject,
              input.message,
              input.township ?? null,
              input.agency ?? null,
              input.name,
              input.phone,
              input.email ?? null,
              input.publish ? 1 : 0,
              lang,
              today,
              dueBy,
              bodyHash,
              phoneHash,
              source.addressHash,
            ),
          ...tellWriter(d1, { reference, phone: input.phone, lang }, "letter-received", { due: dueBy }),
        ]);
        return response;
      } catch (error) {
        if (violated(error, "letters.reference")) continue;
        if (violated(error, GUARD))
          throw await whichLimit(d1, { bodyHash, since, phoneHash, addressHash: source.addressHash, today });
        throw error;
      }
    }
    throw new Error("could not allocate a letter reference");
  });

  const body = outcome.body as { reference: string; status: "received"; dueBy: string };
  const stored = await d1
    .prepare("SELECT token_hash FROM letters WHERE reference = ?")
    .bind(body.reference)
    .first<string>("token_hash");
  const token = await derivedToken(keys, "letter", body.reference, stored);
  return {
    status: outcome.status,
    body: { ...body, token, links: letterLinks(body.reference, token, lang) },
    replayed: outcome.replayed,
  };
}

/** Which guard refused the batch: looked up again after the refusal. */
async function whichLimit(
  d1: D1Database,
  k: { bodyHash: string; since: string; phoneHash: string; addressHash: string; today: string },
) {
  const row = await d1
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM letters WHERE body_hash = ?1 AND created_at > ?2 AND (phone_hash = ?3 OR address_hash = ?4)) AS duplicate,
              (SELECT count(*) FROM letters WHERE phone_hash = ?3 AND received_on = ?5) AS by_phone`,
    )
    .bind(k.bodyHash, k.since, k.phoneHash, k.addressHash, k.today)
    .first<{ duplicate: number; by_phone: number }>();
  const phone = county.authority.phone;
  if (row?.duplicate) return conflict("duplicate", 409, (l) => message(l, "letters.duplicate"));
  if ((row?.by_phone ?? 0) >= county.letters.perPhonePerDay) {
    return conflict("letters-limit", 429, (l) =>
      message(l, "letters.phoneLimit", { max: county.letters.perPhonePerDay, phone }),
    );
  }
  return conflict("letters-limit", 429, (l) => message(l, "letters.addressLimit", { phone }));
}
