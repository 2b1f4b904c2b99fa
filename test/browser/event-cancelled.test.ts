import { readFileSync, writeFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, baseURL, chromiumPath, launch, MODES, openPageIn } from "./browser";
import { countyToday } from "./dashboard";

/**
 * An event is called off after guests booked its sessions: the build's events/slots.json
 * says so, the Worker's import (the cron, here asked for at once) cancels the bookings,
 * and each guest's booking page gives the event's reason in the guest's language.
 */
const SLOTS = "dist/client/events/slots.json";
const REASON = {
  "zh-CN": "因连日降雨，梨园道路受损，活动取消。",
  en: "Days of rain damaged the orchard roads, so the event is off.",
};

interface Slot {
  id: string;
  event: string;
  eventStatus: string;
  date: string;
  eventNote: Record<string, string>;
}

async function runImport() {
  const res = await fetch(`${baseURL}/cdn-cgi/handler/scheduled?cron=sessions-import`);
  if (!res.ok) throw new Error(`import: ${res.status}`);
}

/** Imports `slots` as if a build had published them, until `done` says the Worker saw them. */
async function importUntil(slots: string, done: () => Promise<boolean>) {
  writeFileSync(SLOTS, slots);
  // The dev server picks up the changed build file; until it does, the import still sees the old one.
  for (let i = 0; i < 60; i++) {
    await runImport();
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the Worker never imported the changed sessions");
}

const bookingJson = async (b: { reference: string; token: string }) =>
  (await (await fetch(`${baseURL}/api/bookings/${b.reference}?token=${b.token}`)).json()) as {
    status: string;
    checkIn: string;
  };
const sessionsOf = async (event: string) =>
  (await (await fetch(`${baseURL}/api/activity-slots?event=${event}`)).json()) as { id: string; date: string }[];

async function bookSession(slot: string, phone: string, lang: "zh-CN" | "en") {
  const res = await fetch(`${baseURL}/api/bookings${lang === "en" ? "?lang=en" : ""}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "accept-language": lang,
      "idempotency-key": `browser-${crypto.randomUUID()}`,
    },
    body: JSON.stringify({ slot, guests: { adults: 1 }, contact: { name: "赵雷", phone } }),
  });
  if (res.status !== 201) throw new Error(`booking: ${res.status} ${await res.text()}`);
  return (await res.json()) as { reference: string; token: string };
}

describe.skipIf(!chromiumPath)("an event called off: the guest's booking page says why", () => {
  let browser: Browser;
  const built = readFileSync(SLOTS, "utf8");
  const slots = JSON.parse(built) as Slot[];
  const open = slots.filter(
    (s) => s.eventStatus !== "cancelled" && s.eventStatus !== "postponed" && s.date >= countyToday(1),
  );
  const booked: Record<"zh-CN" | "en", { reference: string; token: string }> = {} as never;
  let moved: { reference: string; token: string };
  let movedFrom = "";

  beforeAll(async () => {
    browser = await launch();
    const [off, move] = [open[0], open.find((s) => s.event !== open[0]?.event)];
    if (!off || !move) throw new Error("the build needs bookable sessions of two events");
    booked["zh-CN"] = await bookSession(off.id, "13600000001", "zh-CN");
    booked.en = await bookSession(off.id, "13600000002", "en");
    moved = await bookSession(move.id, "13600000003", "en");
    movedFrom = move.date;
    const changed = slots.map((s) =>
      s.event === off.event
        ? { ...s, eventStatus: "cancelled", eventNote: REASON }
        : s.id === move.id
          ? { ...s, eventStatus: "rescheduled", date: countyToday(0), start: "23:00", end: "23:30" }
          : s,
    );
    try {
      await importUntil(JSON.stringify(changed), async () => {
        const [a, b] = await Promise.all([bookingJson(booked.en), bookingJson(moved)]);
        return a.status === "cancelled" && b.checkIn === countyToday(0);
      });
    } finally {
      // Later files book the build's sessions as published: the event goes ahead again, the session moves back.
      await importUntil(built, async () => (await sessionsOf(off.event)).length > 0);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  const runs = [
    { lang: "zh-CN", prefix: "", shown: "主办方已取消这个预订：" },
    { lang: "en", prefix: "/en", shown: "Cancelled by the organiser: " },
  ] as const;

  for (const run of runs) {
    for (const mode of MODES) {
      it(`in ${run.lang}, ${mode.name} mode: the reason in the guest's language, no axe violations`, async () => {
        const b = booked[run.lang];
        const guest = await openPageIn(browser, mode, { javaScriptEnabled: true });
        await guest.page.goto(`${run.prefix}/visit/booking/?ref=${b.reference}&token=${encodeURIComponent(b.token)}`);
        expect(await guest.page.textContent(".cancelled-by-campsite")).toBe(`${run.shown}${REASON[run.lang]}`);
        expect(await guest.page.locator("#cancel-heading").count()).toBe(0);
        expect(await axe(guest.page)).toEqual([]);
        expect(guest.consoleErrors).toEqual([]);
        await guest.context.close();
      });
    }
  }

  it("a guest whose session was moved is told on the booking page, with the day free cancellation ends", async () => {
    const guest = await openPageIn(browser, MODES[0], { javaScriptEnabled: true });
    await guest.page.goto(`/en/visit/booking/?ref=${moved.reference}&token=${encodeURIComponent(moved.token)}`);
    // Moved to tonight, then back by the restoring import: free to cancel up to the session's day as published.
    const view = (await bookingJson(moved)) as { checkIn: string; freeCancellationUntil?: string };
    expect(view.checkIn).toBe(movedFrom);
    expect(view.freeCancellationUntil).toBe(movedFrom);
    expect(await guest.page.textContent(".session-moved")).toMatch(/The day or time of this session has changed/);
    expect(await guest.page.locator("#cancel-heading").count()).toBe(1);
    expect(await axe(guest.page)).toEqual([]);
    await guest.context.close();
  });
});
