import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { county } from "../../county.config";
import { countyDateTime } from "../../functions/lib/dates";
import { axe, baseURL, chromiumPath, launch, openPage } from "./browser";
import { ADMIN, countyToday, OPERATOR, placeOrder, signIn } from "./dashboard";

/**
 * Staff pages on a phone at the camp gate: today's arrivals as cards, references
 * that never break, times in the county's zone, and nothing that scrolls the
 * page sideways. Both languages, 320 and 390 px, standard and elder mode.
 */
const WIDTHS = [320, 390] as const;
const LANGS = ["", "/en"] as const;
const ELDER = [false, true] as const;

/** A stay made through the public API, with the token its confirmation page needs. */
async function bookWithToken(name: string): Promise<{ reference: string; token: string }> {
  const res = await fetch(`${baseURL}/api/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `phone-${crypto.randomUUID()}` },
    body: JSON.stringify({
      unit: "gajian-byo-tent",
      checkIn: countyToday(),
      nights: 1,
      units: 1,
      guests: { adults: 2 },
      contact: { name, phone: "13800000000" },
    }),
  });
  if (res.status !== 201) throw new Error(`booking: ${res.status} ${await res.text()}`);
  return (await res.json()) as { reference: string; token: string };
}

async function openAt(browser: Browser, width: number, elder: boolean, who = OPERATOR) {
  const opened = await openPage(browser, { viewport: { width, height: 800 } });
  await opened.context.addInitScript((on) => localStorage.setItem("portal-elder", on ? "1" : "0"), elder);
  await signIn(opened.page, who);
  return opened;
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Each `.ref` on the page, with how many line boxes its text takes and its height against one line. */
function referenceLines(page: Page) {
  return page.locator(".ref").evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      const style = getComputedStyle(el);
      const line = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.6;
      return { text: el.textContent, lines, height: range.getBoundingClientRect().height, line };
    }),
  );
}

describe.skipIf(!chromiumPath)("staff pages on a phone", () => {
  let browser: Browser;
  let booking: { reference: string; token: string };
  let order: string;
  beforeAll(async () => {
    browser = await launch();
    booking = await bookWithToken("门口 登记");
    order = await placeOrder("pear-syrup-250g", "手机 查看");
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of WIDTHS) {
    for (const elder of ELDER) {
      it(`shows today's arrivals as cards with a tel: link and a large check-in button at ${width} px${elder ? ", elder mode" : ""}`, async () => {
        const { page, context } = await openAt(browser, width, elder);
        for (const lang of LANGS) {
          await page.goto(`${lang}/dashboard/sites/gajian-lawn/`);
          const card = page.locator(`#arrivals ~ * tr:has-text("${booking.reference}")`);
          expect(await card.evaluate((tr) => getComputedStyle(tr).display), lang).toBe("block");
          const tel = card.locator('a[href^="tel:"]');
          expect(await tel.getAttribute("href")).toBe("tel:13800000000");
          expect((await tel.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
          const button = card.locator("button");
          expect(await button.count()).toBe(1);
          const box = await button.boundingBox();
          const cardBox = await card.boundingBox();
          expect(box?.height ?? 0, "check-in button height").toBeGreaterThanOrEqual(44);
          // One large button: as wide as the card's content, and its words on one line.
          expect(box?.width ?? 0).toBeGreaterThan((cardBox?.width ?? 0) * 0.8);
          // Every value says what it is: the column's name stands before it.
          const labels = await card
            .locator("td[data-label]")
            .evaluateAll((tds) => tds.map((td) => getComputedStyle(td, "::before").content));
          expect(labels[1]).toBe(lang ? '"Name"' : '"联系人"');
          for (const ref of await referenceLines(page)) {
            expect(ref.lines, `${lang} ${ref.text}`).toBe(1);
            expect(ref.height, `${lang} ${ref.text}`).toBeLessThan(ref.line * 1.5);
          }
          expect(await pageWidth(page), `${lang} page width`).toBeLessThanOrEqual(width);
        }
        await context.close();
      });
    }
  }

  it("keeps the arrivals a table with column headers on a wide screen", async () => {
    const { page, context } = await openAt(browser, 1280, false);
    await page.goto("/dashboard/sites/gajian-lawn/");
    const row = page.locator(`#arrivals ~ * tr:has-text("${booking.reference}")`);
    expect(await row.evaluate((tr) => getComputedStyle(tr).display)).toBe("table-row");
    expect(await page.locator("#arrivals ~ * thead th").first().isVisible()).toBe(true);
    await context.close();
  });

  for (const width of WIDTHS) {
    it(`never breaks a reference and stacks label/value pairs at ${width} px, public pages included`, async () => {
      for (const elder of ELDER) {
        const { page, context } = await openAt(browser, width, elder, ADMIN);
        const paths = [
          `/visit/booking/?ref=${booking.reference}&token=${booking.token}`,
          `/dashboard/check-in/?ref=${booking.reference}`,
          "/dashboard/coop/anning-pear-processing/",
          "/dashboard/coop/anning-pear-processing/orders/",
          `/dashboard/coop/anning-pear-processing/orders/${order}/`,
        ];
        for (const lang of LANGS) {
          for (const path of paths) {
            await page.goto(`${lang}${path}`);
            const refs = await referenceLines(page);
            expect(refs.length, `${lang}${path}`).toBeGreaterThan(0);
            for (const ref of refs) {
              expect(ref.lines, `${lang}${path} ${ref.text} elder=${elder}`).toBe(1);
              expect(ref.height, `${lang}${path} ${ref.text}`).toBeLessThan(ref.line * 1.5);
            }
            // A label above its value, not a squeezed column beside it.
            const pairs = await page.locator("dl.pairs > div, dl.dl-facts > div").evaluateAll((divs) =>
              divs.map((d) => {
                const dt = d.querySelector("dt")?.getBoundingClientRect();
                const dd = d.querySelector("dd")?.getBoundingClientRect();
                return dt && dd ? dd.top >= dt.bottom - 1 : true;
              }),
            );
            expect(pairs.every(Boolean), `${lang}${path} pairs stacked`).toBe(true);
            expect(await pageWidth(page), `${lang}${path} elder=${elder}`).toBeLessThanOrEqual(width);
          }
        }
        await context.close();
      }
    });
  }

  it("shows staff every time in the county's zone, labelled, on order lists, order pages, invitations and the audit log", async () => {
    const { page, context } = await openAt(browser, 390, false, ADMIN);
    const email = `zone-${Date.now()}@jinchuan.example`;
    await page.request.post("/api/dashboard/admin/accounts", {
      data: { email, name: "时区 测试", role: "operator", campsites: ["gajian-lawn"] },
    });
    const paths = [
      "/dashboard/coop/anning-pear-processing/orders/",
      `/dashboard/coop/anning-pear-processing/orders/${order}/`,
      "/dashboard/admin/accounts/",
      "/dashboard/admin/audit/",
    ];
    for (const lang of LANGS) {
      for (const path of paths) {
        await page.goto(`${lang}${path}`);
        const times = await page
          .locator('main time[datetime*="T"]')
          .evaluateAll((els) => els.map((e) => ({ iso: e.getAttribute("datetime") ?? "", text: e.textContent ?? "" })));
        expect(times.length, `${lang}${path}`).toBeGreaterThan(0);
        for (const t of times) {
          expect(t.text.replace(/\s+/g, " ").trim(), `${lang}${path}`).toBe(
            `${countyDateTime(t.iso)} ${county.timeZoneAbbreviation}`,
          );
        }
        expect(await page.locator("main").textContent(), `${lang}${path}`).not.toMatch(/\bUTC\b/);
      }
    }
    await context.close();
  });

  it("has zero axe violations on both campsite calendars and the card tables at 320 px in elder mode", async () => {
    const { page, context } = await openAt(browser, 320, true, ADMIN);
    const paths = [
      "/visit/gajian-lawn/",
      "/dashboard/sites/gajian-lawn/",
      "/dashboard/admin/audit/",
      "/dashboard/admin/accounts/",
      "/dashboard/coop/anning-pear-processing/orders/",
    ];
    const found: Record<string, unknown> = {};
    for (const lang of LANGS) {
      for (const path of paths) {
        await page.goto(`${lang}${path}`);
        expect(await page.evaluate(() => document.documentElement.classList.contains("elder"))).toBe(true);
        const violations = await axe(page);
        if (violations.length) found[`${lang}${path}`] = violations;
      }
    }
    expect(found).toEqual({});
    // The months that still scroll sideways can be reached and scrolled with the keyboard.
    await page.goto("/visit/gajian-lawn/");
    const regions = await page
      .locator(".avail .table-scroll")
      .evaluateAll((els) =>
        els.map((e) => ({ tab: e.getAttribute("tabindex"), label: e.getAttribute("aria-label") ?? "" })),
      );
    expect(regions.length).toBeGreaterThan(0);
    for (const r of regions) {
      expect(r.tab).toBe("0");
      expect(r.label).toMatch(/\d{4}/);
    }
    await context.close();
  });
});
