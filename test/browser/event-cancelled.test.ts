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
  const booked: Record<"zh-CN" | "en", { reference: string; token: string }> = {} as never;

  beforeAll(async () => {
    browser = await launch();
    const slots = JSON.parse(built) as Slot[];
    const open = slots.find((s) => s.eventStatus === "scheduled" && s.date >= countyToday(1));
    if (!open) throw new Error("no bookable session in the build");
    booked["zh-CN"] = await bookSession(open.id, "13600000001", "zh-CN");
    booked.en = await bookSession(open.id, "13600000002", "en");
    const cancelled = slots.map((s) =>
      s.event === open.event ? { ...s, eventStatus: "cancelled", eventNote: REASON } : s,
    );
    try {
      writeFileSync(SLOTS, JSON.stringify(cancelled));
      // The dev server picks up the changed build file; until it does, the import still sees the old one.
      for (let i = 0; i < 40; i++) {
        await runImport();
        const seen = await fetch(`${baseURL}/api/bookings/${booked.en.reference}?token=${booked.en.token}`);
        if (((await seen.json()) as { status: string }).status === "cancelled") break;
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      writeFileSync(SLOTS, built);
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
});
