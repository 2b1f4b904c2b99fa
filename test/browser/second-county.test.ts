import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { county as first } from "../../county.config";
import { county as second } from "../fixtures/second-county/county.config";
import { countyToday } from "./dashboard";
import { buildAndSeed, copyWithFixture, FIXTURE, type Served, serve, stop } from "./second-county";

/**
 * Another county adopts the portal by replacing only its own files (README
 * "Another county"): the second county of test/fixtures/ is built, seeded and
 * served from a copy of this repository, and nothing it shows may name the first.
 */
const PORT = Number(process.env.SECOND_COUNTY_PORT ?? 8799);
const base = `http://localhost:${PORT}`;

/** Words that belong to the first county: its names, places, campsites, cooperatives, products and numbers. */
const FIRST_COUNTY = new RegExp(
  [
    "金川",
    "jinchuan",
    "梨",
    "\\bpears?\\b",
    "gajian",
    "嘎尖",
    "噶尔",
    "大金川",
    "安宁",
    "\\banning\\b",
    "河东乡",
    "hedong",
    "吉目",
    "jiemu",
    "沙耳",
    "shaer",
    "莴笋",
    "celtuce",
    "勒乌",
    "\\blewu\\b",
    "咯尔",
    "观音桥",
    "guanyinqiao",
    first.authority.phone,
    first.identification.siteCode,
    new URL(first.siteUrl).host,
  ]
    .map((w) => w.replaceAll(".", "\\."))
    .join("|"),
  "i",
);

function firstCountyWords(text: string): string[] {
  const found: string[] = [];
  const global = new RegExp(FIRST_COUNTY.source, "gi");
  for (const m of text.matchAll(global)) {
    const at = m.index ?? 0;
    found.push(`${m[0]} in "…${text.slice(Math.max(0, at - 40), at + 40).replaceAll("\n", " ")}…"`);
  }
  return found;
}

/** The shape of a configuration: every key path of its objects (arrays count as leaves). */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** Section headers and binding names of a wrangler.toml. */
function bindings(toml: string): string[] {
  return toml
    .split("\n")
    .filter((l) => /^\s*(\[\[?[\w.]+\]\]?|binding\s*=|name\s*=\s*"[A-Z_]+")/.test(l))
    .map((l) => l.trim());
}

/** Built files a county's words could reach: everything but what is copied unchanged from public/, and the search index. */
function generatedFiles(copy: string): string[] {
  const client = join(copy, "dist/client");
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const rel = relative(client, path);
      if (rel === "pagefind") continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (!existsSync(join(copy, "public", rel))) out.push(rel);
    }
  };
  walk(client);
  return out;
}

async function waitForHealth(ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the second county did not become healthy at ${base}`);
}

async function text(path: string, init?: RequestInit): Promise<{ status: number; body: string }> {
  const res = await fetch(`${base}${path}`, { redirect: "manual", ...init });
  return { status: res.status, body: await res.text() };
}

describe("a second county, from configuration and content only", () => {
  let copy = "";
  let server: Served | undefined;
  beforeAll(async () => {
    copy = copyWithFixture();
    const state = join(copy, ".wrangler/state");
    buildAndSeed(copy, state);
    server = serve(copy, state, PORT);
    await waitForHealth(60_000);
  }, 300_000);
  afterAll(() => {
    stop(server?.server);
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  async function mailSent(): Promise<{ log: string; text: string }> {
    for (let i = 0; i < 40; i++) {
      const log = server?.log() ?? "";
      const at = log.indexOf("send_email binding called");
      const file = log.slice(at).match(/(\/\S+\/email-text\/\S+\.txt)/)?.[1];
      if (at >= 0 && file && existsSync(file)) return { log: log.slice(at), text: readFileSync(file, "utf8") };
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error("the order e-mail was not sent");
  }

  it("has every configuration key and binding the portal has", () => {
    expect(
      keyPaths(second).filter((k) => !keyPaths(first).includes(k)),
      "keys only in the fixture",
    ).toEqual([]);
    expect(
      keyPaths(first).filter((k) => !keyPaths(second).includes(k)),
      "keys missing from the fixture",
    ).toEqual([]);
    const ours = bindings(readFileSync("wrangler.toml", "utf8"));
    expect(bindings(readFileSync(join(FIXTURE, "wrangler.toml"), "utf8"))).toEqual(ours);
  });

  it("builds no file that names the first county", () => {
    const files = generatedFiles(copy);
    expect(files).toContain("sitemap.xml");
    const found = files
      .filter((f) => /\.(html|xml|json|ics|txt|csv|webmanifest|js|css)$/.test(f))
      .flatMap((f) => firstCountyWords(readFileSync(join(copy, "dist/client", f), "utf8")).map((w) => `${f}: ${w}`));
    expect(found).toEqual([]);
  });

  it("serves every page of its sitemap and the pages made on demand without the first county", async () => {
    const sitemap = readFileSync(join(copy, "dist/client/sitemap.xml"), "utf8");
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? "").pathname);
    const onDemand = [
      "/",
      "/products/",
      "/products/highland-apples-5kg/",
      "/cooperatives/",
      "/cooperatives/songgang-yak-dairy/",
      "/visit/",
      "/visit/suomo-valley/",
      "/find/",
      "/cart/",
      "/dashboard/login/",
    ].flatMap((p) => [p, `/en${p}`]);
    const found: string[] = [];
    for (const path of [...new Set([...listed, ...onDemand])]) {
      const { status, body } = await text(path);
      expect(status, path).toBe(200);
      found.push(...firstCountyWords(body).map((w) => `${path}: ${w}`));
    }
    for (const path of ["/no-such-page/", "/en/no-such-page/"]) {
      const { status, body } = await text(path);
      expect(status, path).toBe(404);
      found.push(...firstCountyWords(body).map((w) => `${path}: ${w}`));
    }
    expect(found).toEqual([]);
    // It is the second county that is served, with its own words in the pages.
    const home = await text("/en/");
    expect(home.body).toContain(second.pageTexts.homeLead.en);
    expect((await text("/visit/")).body).toContain("梭磨河谷露营地");
    expect((await text("/en/events/")).body).toContain(second.pageTexts.eventsLead.en);
    expect((await text("/search/")).body).toContain(second.pageTexts.searchExamples["zh-CN"]);
  });

  it("answers the API, bad requests included, in both languages without the first county", async () => {
    const found: string[] = [];
    const json = { "content-type": "application/json" };
    for (const lang of ["zh-CN", "en"]) {
      const headers = { ...json, "accept-language": lang, "idempotency-key": `second-${crypto.randomUUID()}` };
      const answers = [
        await text("/api/campsites"),
        await text("/api/products"),
        await text("/api/cooperatives"),
        await text("/api/pickup-points"),
        await text("/api/openapi.json"),
        await text("/api/campsites/no-such-site/availability?from=2027-01-01&to=2027-01-05", { headers }),
        await text("/api/bookings", { method: "POST", headers, body: "{}" }),
        await text("/api/bookings", { method: "POST", headers, body: "{not json" }),
        await text("/api/orders", { method: "POST", headers, body: JSON.stringify({ items: [] }) }),
        await text("/api/bookings/ZZZZZZZZ?token=nothing", { headers }),
        await text("/api/recover", { method: "POST", headers, body: JSON.stringify({ reference: "?", phone: "x" }) }),
        await text("/api/auth/login", { method: "POST", headers, body: JSON.stringify({ email: "x" }) }),
      ];
      expect(answers.map((a) => a.status).slice(5)).toEqual([404, 400, 400, 400, 400, 400, 400]);
      for (const a of answers) found.push(...firstCountyWords(a.body));
    }
    expect(found).toEqual([]);
  });

  it("texts and e-mails guests, buyers and cooperatives without the first county", async () => {
    const phone = "13912345678";
    const booked = await fetch(`${base}/api/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": `second-${crypto.randomUUID()}` },
      body: JSON.stringify({
        unit: "suomo-tent-pitch",
        checkIn: countyToday(20),
        nights: 1,
        units: 1,
        guests: { adults: 2, children: 0 },
        contact: { name: "游客 测试", phone },
      }),
    });
    expect(booked.status).toBe(201);
    const { reference } = (await booked.json()) as { reference: string };
    for (const lang of ["zh-CN", "en"]) {
      const asked = await fetch(`${base}/api/recover`, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": lang },
        body: JSON.stringify({ reference, phone }),
      });
      expect(asked.status, lang).toBeLessThan(300);
    }
    const ordered = await fetch(`${base}/api/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": `second-${crypto.randomUUID()}` },
      body: JSON.stringify({
        items: [{ product: "yak-butter-500g", quantity: 1 }],
        fulfilment: { method: "pickup", point: "suomo-visitor-centre" },
        contact: { name: "买家 测试", phone: "13912345679" },
      }),
    });
    expect(ordered.status).toBe(201);
    expect((await fetch(`${base}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("* * * * *")}`)).status).toBe(200);
    const order = ((await ordered.json()) as { orders: Array<{ reference: string }> }).orders[0]?.reference ?? "";
    // Locally wrangler keeps each e-mail in a file and prints the sender, subject and file.
    const mail = await mailSent();
    expect(mail.text).toContain(order);
    expect(mail.text).toContain(second.name["zh-CN"]);

    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": "198.51.100.99" },
      body: JSON.stringify({ email: "admin@barkam.example", password: "barkam-demo-admin" }),
    });
    expect(login.status).toBe(204);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const found = [...firstCountyWords(mail.log), ...firstCountyWords(mail.text)].map((w) => `e-mail: ${w}`);
    for (const path of ["/dashboard/admin/messages/", "/en/dashboard/admin/messages/", "/dashboard/"]) {
      const { status, body } = await text(path, { headers: { cookie } });
      expect(status, path).toBe(200);
      if (path.includes("messages")) expect(body, path).toContain(reference);
      found.push(...firstCountyWords(body).map((w) => `${path}: ${w}`));
    }
    expect(found).toEqual([]);
  });
});
