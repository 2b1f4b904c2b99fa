import { env } from "cloudflare:workers";
import { county } from "@functions/../county.config";
import { issueChallenge } from "@functions/lib/challenge";
import { hasZeroBits, workInput } from "@functions/lib/challenge-work";
import { decodeFlash, FORM_FLASH_COOKIE } from "@functions/lib/forms";
import { challengeSource } from "@functions/lib/source-limits";
import { beforeEach, describe, expect, it } from "vitest";
import { call, inDays, newKey, postJson, scalar, seedCampsites, stay } from "./helpers";
import { checkout, postOrder, seedProduce } from "./produce";

/*
 * Public writes per source. The Workers Rate Limiting bindings of wrangler.toml are
 * miniflare's in-memory ones here and outlive a test's storage, so every test uses
 * addresses and phones of its own.
 */
const SECRET = env.TOKEN_SECRET as string;
const budget = county.sourceLimits.bookings;
let addressCounter = 0;
/** A fresh address per call site, so no test meets another's one-minute counts. */
const newAddress = () => `198.18.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;
let phoneCounter = 0;
const newPhone = () => `1390${String(++phoneCounter + 1000 * (Date.now() % 1000)).padStart(7, "0")}`;

function book(ip: string, phone: string, extra: Record<string, unknown> = {}, checkIn = inDays(10)) {
  return postJson(
    "/api/bookings?lang=en",
    { ...stay({ contact: { name: "王芳", phone }, checkIn }), ...extra },
    newKey(),
    {
      "cf-connecting-ip": ip,
    },
  );
}

interface ChallengeProblem {
  type: string;
  status: number;
  detail: string;
  challenge: { token: string; algorithm: string; difficulty: number; waitSeconds: number; expiresAt: string };
}

/** What the page's script does: the first number whose hash after the token has enough zero bits. */
async function solve(token: string, difficulty: number): Promise<string> {
  for (let n = 0; ; n++) {
    const digest = await crypto.subtle.digest("SHA-256", workInput(token, String(n)));
    if (hasZeroBits(digest, difficulty)) return String(n);
  }
}

/** Uses up a phone's hourly budget from several addresses, then returns the challenge `ip` gets. */
async function overBudget(phone: string, ip = newAddress()): Promise<ChallengeProblem> {
  for (let i = 0; i < budget.perPhone.challenge; i++) {
    expect((await book(newAddress(), phone, {}, inDays(10 + i))).status, `booking ${i}`).toBe(201);
  }
  const res = await book(ip, phone);
  expect(res.status).toBe(429);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  return res.json<ChallengeProblem>();
}

const bookings = () => scalar("SELECT count(*) FROM bookings");

beforeEach(async () => {
  await seedCampsites(50);
});

describe("public writes per source", () => {
  it("never stop a family: two phones, stays, an activity-free order and a lookup from one home", async () => {
    await seedProduce();
    const home = newAddress();
    const [mum, dad] = [newPhone(), newPhone()];
    expect((await book(home, mum)).status).toBe(201);
    expect((await book(home, dad, {}, inDays(20))).status).toBe(201);
    expect((await book(home, mum, {}, inDays(30))).status).toBe(201);
    const order = await postOrder(
      checkout([{ product: "syrup", quantity: 2 }], { contact: { name: "张三", phone: mum } }),
      newKey(),
      {
        "cf-connecting-ip": home,
      },
    );
    expect(order.status).toBe(201);
    const lookup = await postJson("/api/recover", { reference: "ZZZZZZZ2", phone: mum }, null, {
      "cf-connecting-ip": home,
    });
    expect(lookup.status).toBe(202);
    // A whole budget of bookings from one phone in an hour still needs no check.
    const phone = newPhone();
    for (let i = 0; i < budget.perPhone.challenge; i++) {
      expect((await book(newAddress(), phone, {}, inDays(40 + i))).status).toBe(201);
    }
  });

  it("ask a phone over its budget for the check, and write nothing until it is answered", async () => {
    const before = await bookings();
    const problem = await overBudget(newPhone());
    expect(problem).toMatchObject({
      type: "/api/problems/challenge-required",
      status: 429,
      challenge: { algorithm: "SHA-256", difficulty: county.challenge.difficulty },
    });
    expect(problem.detail).toContain("wait 15 seconds");
    expect(await bookings()).toBe(before + budget.perPhone.challenge);
  });

  it("take a correct answer once: the same answer again is refused", async () => {
    const [phone, ip] = [newPhone(), newAddress()];
    const { challenge } = await overBudget(phone, ip);
    const answer = {
      challenge: challenge.token,
      challengeSolution: await solve(challenge.token, challenge.difficulty),
    };
    const passed = await book(ip, phone, answer);
    expect(passed.status).toBe(201);
    const replay = await book(ip, phone, answer, inDays(60));
    expect(replay.status).toBe(429);
    expect(await replay.json()).toMatchObject({ type: "/api/problems/challenge-required" });
    expect(await scalar("SELECT count(*) FROM used_challenges")).toBe(1);
  });

  it("refuse a wrong answer, an expired check, one for another route, and one from another address", async () => {
    const [phone, ip] = [newPhone(), newAddress()];
    const { challenge } = await overBudget(phone, ip);
    const right = await solve(challenge.token, challenge.difficulty);
    const wrong = String(Number(right) + 1);
    const source = await challengeSource({ env, req: { header: () => ip } }, SECRET);
    const old = await issueChallenge(
      SECRET,
      "bookings",
      source,
      Date.now() - (county.challenge.validSeconds + 1) * 1000,
    );
    const orders = await issueChallenge(SECRET, "orders", source);
    const tries = [
      { challenge: challenge.token, challengeSolution: wrong },
      { challenge: old.token, challengeSolution: await solve(old.token, old.difficulty) },
      { challenge: orders.token, challengeSolution: await solve(orders.token, orders.difficulty) },
    ];
    for (const answer of tries) {
      const res = await book(ip, phone, answer);
      expect(res.status, JSON.stringify(answer).slice(0, 60)).toBe(429);
      expect((await res.json<{ detail: string }>()).detail).toContain("did not pass");
    }
    const elsewhere = await book(newAddress(), phone, { challenge: challenge.token, challengeSolution: right });
    expect(elsewhere.status).toBe(429);
    expect(await scalar("SELECT count(*) FROM used_challenges")).toBe(0);
    // The right answer where it was asked still passes: the refusals above used nothing up.
    expect((await book(ip, phone, { challenge: challenge.token, challengeSolution: right })).status).toBe(201);
  });

  it("leave another source alone while one is asked", async () => {
    await overBudget(newPhone());
    expect((await book(newAddress(), newPhone())).status).toBe(201);
  });

  it("ask an address in a burst within a minute (the rate limiting binding) before its hour is used up", async () => {
    const ip = newAddress();
    const answers: number[] = [];
    for (let i = 0; i < 11; i++) answers.push((await book(ip, newPhone(), {}, inDays(10 + i))).status);
    expect(11).toBeLessThanOrEqual(budget.perAddress.challenge);
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(answers[10]).toBe(429);
  });

  it("refuse a phone past its hard limit with 429 and Retry-After, even when requests race", async () => {
    const phone = newPhone();
    const tries = budget.perPhone.refuse + 10;
    // Bad bookings (0 nights) are counted too: each costs the source as much to check.
    const results = await Promise.all(Array.from({ length: tries }, () => book(newAddress(), phone, { nights: 0 })));
    const refused = results.filter((r) => r.status === 429 && Number(r.headers.get("retry-after")) > 0);
    const bodies = await Promise.all(refused.map((r) => r.json<{ type: string; detail: string }>()));
    expect(bodies.filter((b) => b.type === "/api/problems/too-many-requests")).toHaveLength(10);
    expect(bodies.find((b) => b.type === "/api/problems/too-many-requests")?.detail).toContain("try again in");
    expect(await scalar("SELECT max(count) FROM source_counts")).toBe(budget.perPhone.refuse);
  });
});

describe("the check without JavaScript", () => {
  const page = "http://localhost/en/visit/book/?site=gajian-lawn";
  function formPost(ip: string, fields: Record<string, string>) {
    return call("/api/bookings?lang=en&form=booking", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "http://localhost",
        referer: page,
        "cf-connecting-ip": ip,
      },
      body: new URLSearchParams({ idempotencyKey: newKey(), ...fields }).toString(),
      redirect: "manual",
    });
  }
  const fields = (phone: string) => ({
    unit: "gajian-byo-tent",
    checkIn: inDays(12),
    nights: "1",
    units: "1",
    "guests[adults]": "2",
    "contact[name]": "Li Wei",
    "contact[phone]": phone,
  });

  it("sends the form back with what was typed and the message, then takes it after the wait", async () => {
    const [phone, ip] = [newPhone(), newAddress()];
    await overBudget(phone, ip);
    const refused = await formPost(ip, fields(phone));
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe("/en/visit/book/?site=gajian-lawn");
    const cookie = refused.headers.get("set-cookie")?.match(new RegExp(`${FORM_FLASH_COOKIE}=([^;]*)`))?.[1];
    const flash = decodeFlash(cookie);
    expect(flash?.values["contact.phone"]).toBe(phone);
    expect(flash?.errors.challenge).toContain("wait 15 seconds");
    // The page issues the check it shows; pressing the button before the wait is over does not pass.
    const source = await challengeSource({ env, req: { header: () => ip } }, SECRET);
    const fresh = await issueChallenge(SECRET, "bookings", source);
    expect((await formPost(ip, { ...fields(phone), challenge: fresh.token })).status).toBe(303);
    const waited = await issueChallenge(SECRET, "bookings", source, Date.now() - county.challenge.waitSeconds * 1000);
    const before = await bookings();
    const booked = await formPost(ip, { ...fields(phone), challenge: waited.token });
    expect(booked.status).toBe(303);
    expect(booked.headers.get("location")).toMatch(/\/visit\/booking\//);
    expect(await bookings()).toBe(before + 1);
    // The wait is for people at a form: an API client must do the work.
    const other = await issueChallenge(SECRET, "bookings", source, Date.now() - county.challenge.waitSeconds * 1000);
    expect((await book(ip, phone, { challenge: other.token })).status).toBe(429);
  });
});
