import { env } from "cloudflare:workers";
import { messageMailers } from "@functions/api";
import { housekeeping } from "@functions/housekeeping";
import { addDays, todayInCounty } from "@functions/lib/dates";
import { deliverEmails } from "@functions/messages/deliver-email";
import { beforeEach, describe, expect, it } from "vitest";
import { county } from "../../county.config";
import { jpegWithMetadata, leaks } from "../fixtures/images";
import { as, createAccount, postAs, signIn } from "./accounts";
import { call, postJson, scalar } from "./helpers";

/**
 * What the cron does for letters: the county office's morning list of overdue letters
 * (once a day, through the outbox), and the erasure of writers' details the privacy page
 * promises. And the writer's photo: metadata removed, staff only.
 */
const DAY = 86_400_000;

async function write(overrides: Record<string, unknown> = {}) {
  const res = await postJson("/api/letters", {
    type: "help",
    subject: "道路塌方求助",
    message: "河东乡到吉目村的路昨晚塌方了，车辆无法通行，请派人处理。",
    name: "张三",
    phone: "13700000000",
    email: "zhang@example.cn",
    publish: false,
    ...overrides,
  });
  expect(res.status).toBe(201);
  return res.json<{ reference: string; token: string; dueBy: string }>();
}

function photoForm(token: string, bytes: Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.set("token", token);
  form.set("photo", new File([bytes], "road.jpg", { type: "image/jpeg" }));
  return new Request("http://localhost/", { method: "POST", body: form });
}

async function upload(reference: string, token: string, bytes = jpegWithMetadata()) {
  const req = photoForm(token, bytes);
  const body = await req.arrayBuffer();
  return call(`/api/letters/${reference}/photo`, {
    method: "POST",
    headers: { "content-type": req.headers.get("content-type") ?? "", origin: "http://localhost" },
    body,
  });
}

let admin = "";
beforeEach(async () => {
  await createAccount("office@county.example", "admin");
  admin = await signIn("office@county.example");
});

/** A county-time instant on the day of `iso` (UTC+8: 08:30 is 00:30 UTC). */
const countyClock = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:30:00+08:00`);

describe("the morning list of overdue letters", () => {
  it("is queued once a day from eight o'clock, for each admin, only when letters are overdue", async () => {
    const { reference } = await write();
    const today = todayInCounty();
    // Nothing is overdue yet: no list, even after eight.
    await housekeeping(env, countyClock(today, 9));
    expect(await scalar("SELECT count(*) AS n FROM outbox WHERE kind = 'letters-overdue'")).toBe(0);
    // A letter received three weeks ago whose deadline has passed.
    await env.DB.prepare("UPDATE letters SET received_on = ?, due_by = ?")
      .bind(addDays(today, -21), addDays(today, -2))
      .run();
    await housekeeping(env, countyClock(today, 7));
    expect(await scalar("SELECT count(*) AS n FROM outbox WHERE kind = 'letters-overdue'")).toBe(0);
    await housekeeping(env, countyClock(today, 8));
    await housekeeping(env, countyClock(today, 9));
    expect(await scalar("SELECT count(*) AS n FROM outbox WHERE kind = 'letters-overdue'")).toBe(1);
    // The mail lists the letter, not the writer.
    const sent: { to: string; raw: string }[] = [];
    const mail = {
      send: async (m: { to: string | string[]; text?: string; subject?: string }) => {
        sent.push({ to: String(m.to), raw: `${m.subject}\n${m.text}` });
        return { messageId: "<m@test>" };
      },
    };
    await deliverEmails({ ...env, MAIL: mail as unknown as SendEmail }, messageMailers, { now: countyClock(today, 9) });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe("office@county.example");
    expect(sent[0]?.raw).toContain(reference);
    expect(sent[0]?.raw).not.toContain("张三");
    expect(sent[0]?.raw).not.toContain("13700000000");
    // The dashboard flags it too. Housekeeping ran at 09:30 county time, which can be hours after
    // the real clock (late in the UTC day): it ended the idle session, so sign in again.
    admin = await signIn("office@county.example");
    const overdue = await (await as(admin, "/api/dashboard/letters?status=overdue")).json<
      { reference: string; overdue: boolean }[]
    >();
    expect(overdue).toMatchObject([{ reference, overdue: true }]);
  });
});

describe("erasure", () => {
  it("erases the writer's details and photo the configured days after the answer, keeping the letter", async () => {
    const { reference, token } = await write();
    expect((await upload(reference, token)).status).toBe(200);
    const key = await scalar<string>("SELECT photo_key AS n FROM letters");
    expect(await env.MEDIA.get(key)).not.toBeNull();
    await postAs(admin, `/api/dashboard/letters/${reference}/accept`, { agency: "housing-bureau" });
    await postAs(admin, `/api/dashboard/letters/${reference}/reply`, { reply: "已安排抢修，预计两天内通车。" });
    const days = county.privacy.contactRetentionDays;
    expect(await housekeeping(env, new Date(Date.now() + (days - 1) * DAY))).toMatchObject({ erasedLetters: 0 });
    expect(await housekeeping(env, new Date(Date.now() + (days + 1) * DAY))).toMatchObject({ erasedLetters: 1 });
    const row = await env.DB.prepare("SELECT name, phone, email, photo_key, message, reply FROM letters").first();
    expect(row).toMatchObject({
      name: "",
      phone: "",
      email: null,
      photo_key: null,
      reply: "已安排抢修，预计两天内通车。",
    });
    expect(row?.message).toContain("塌方");
    expect(await env.MEDIA.get(key)).toBeNull();
    expect(await scalar("SELECT count(*) AS n FROM outbox WHERE recipient <> ''")).toBe(0);
  });
});

describe("the writer's photo", () => {
  it("is stored without its metadata, once, and shown to staff only", async () => {
    const { reference, token } = await write();
    expect((await upload(reference, "wrong-token-0000")).status).toBe(404);
    expect((await upload(reference, token)).status).toBe(200);
    expect((await upload(reference, token)).status).toBe(409);
    const key = await scalar<string>("SELECT photo_key AS n FROM letters");
    expect(key).toMatch(new RegExp(`^letters/${reference}/[0-9a-f]{32}\\.jpg$`));
    // Not under /media/, which serves products and cooperatives only.
    expect((await call(`/media/${key}`)).status).toBe(404);
    expect((await call(`/api/dashboard/letters/${reference}/photo`)).status).toBe(401);
    const res = await as(admin, `/api/dashboard/letters/${reference}/photo`);
    expect(res.status).toBe(200);
    expect(leaks(new Uint8Array(await res.arrayBuffer()))).toEqual([]);
    const mine = await (await call(`/api/letters/${reference}?token=${token}`)).json();
    expect(mine).toMatchObject({ hasPhoto: true });
  });
});
