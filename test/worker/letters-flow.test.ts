import { env } from "cloudflare:workers";
import { messageLinks } from "@functions/api";
import { todayInCounty } from "@functions/lib/dates";
import { addWorkingDays } from "@functions/lib/working-days";
import { deliverMessages } from "@functions/messages/deliver";
import { beforeEach, describe, expect, it } from "vitest";
import { county } from "../../county.config";
import { FAKE_SMS_KEY_PREFIX, FAKE_SMS_SECRET, FAKE_SMS_SIGN_NAME } from "../fake-sms/keys";
import type { FakeText } from "../fake-sms/server";
import { createAccount, postAs, signIn } from "./accounts";
import { call, newKey, postJson, scalar } from "./helpers";

/**
 * A resident's letter from the form to the published reply: the reference and due date,
 * triage by the county office, the agency's reply, the reviewer's publication without
 * any personal detail, and the figures. Every step through the Worker, against D1.
 */
const letter = (overrides: Record<string, unknown> = {}) => ({
  type: "consultation",
  subject: "创业补贴什么时候发放",
  message: "我是沙耳乡的返乡青年王小明，去年申请了创业补贴，电话 138 0013 8000，请问什么时候发放？",
  township: "shaer-township",
  name: "王小明",
  phone: "13800138000",
  publish: true,
  ...overrides,
});

let key = "";
const provider = () => ({
  ...env,
  ALIYUN_SMS_ENDPOINT: env.FAKE_SMS_URL,
  ALIYUN_SMS_ACCESS_KEY_ID: key,
  ALIYUN_SMS_ACCESS_KEY_SECRET: FAKE_SMS_SECRET,
  ALIYUN_SMS_SIGN_NAME: FAKE_SMS_SIGN_NAME,
  ALIYUN_SMS_TEMPLATES: JSON.stringify({
    "letter-received:zh-CN": "SMS_481001",
    "letter-answered:zh-CN": "SMS_481002",
    "letter-extended:zh-CN": "SMS_481003",
    "letter-rejected:zh-CN": "SMS_481004",
  }),
});
const texts = async (): Promise<FakeText[]> => (await fetch(new URL(`/__texts?key=${key}`, env.FAKE_SMS_URL))).json();

let admin = "";
let editor = "";
let reviewer = "";
let otherEditor = "";

beforeEach(async () => {
  key = `${FAKE_SMS_KEY_PREFIX}${crypto.randomUUID()}`;
  await createAccount("office@county.example", "admin");
  await createAccount("editor@county.example", "editor", {
    agencies: ["human-resources-bureau", "agriculture-bureau"],
  });
  await createAccount("reviewer@county.example", "reviewer", { agencies: ["human-resources-bureau"] });
  await createAccount("housing@county.example", "editor", { agencies: ["housing-bureau"] });
  admin = await signIn("office@county.example");
  editor = await signIn("editor@county.example");
  reviewer = await signIn("reviewer@county.example");
  otherEditor = await signIn("housing@county.example");
});

async function write(overrides: Record<string, unknown> = {}) {
  const res = await postJson("/api/letters", letter(overrides));
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json<{ reference: string; token: string; status: string; dueBy: string; links: { page: string } }>();
}

const act = (cookie: string, ref: string, action: string, body: unknown = {}) =>
  postAs(cookie, `/api/dashboard/letters/${ref}/${action}`, body);

describe("writing to the county", () => {
  it("gives a reference, a token and the working day the reply is due by, and queues one text", async () => {
    const k = newKey();
    const res = await postJson("/api/letters", letter(), k);
    expect(res.status).toBe(201);
    const body = await res.json<{ reference: string; token: string; status: string; dueBy: string }>();
    const today = todayInCounty();
    expect(body).toMatchObject({
      status: "received",
      dueBy: addWorkingDays(today, county.letters.replyDays.consultation),
    });
    expect(body.reference).toMatch(/^[A-Z0-9]{8}$/);
    // A replay answers the same and writes nothing more.
    const again = await postJson("/api/letters", letter(), k);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await again.json<{ reference: string; token: string }>()).token).toBe(body.token);
    expect(await scalar("SELECT count(*) AS n FROM letters")).toBe(1);
    const sms = await env.DB.prepare("SELECT kind, recipient, params, letter_id FROM outbox").all();
    expect(sms.results).toEqual([
      {
        kind: "letter-received",
        recipient: "13800138000",
        params: JSON.stringify({ reference: body.reference, about: "letter", due: body.dueBy }),
        letter_id: await scalar("SELECT id AS n FROM letters"),
      },
    ]);
    // The writer reads it back with the token, and only with it.
    const view = await call(`/api/letters/${body.reference}?token=${body.token}`);
    expect(await view.json()).toMatchObject({
      reference: body.reference,
      status: "received",
      township: "shaer-township",
    });
    expect((await call(`/api/letters/${body.reference}?token=wrong-token-123`)).status).toBe(404);
  });

  it("refuses bad input field by field, in the writer's language, and writes nothing", async () => {
    const res = await postJson(
      "/api/letters",
      letter({ type: "rant", subject: "", message: "短", phone: "123456", township: "atlantis", name: "王\u202e明" }),
      newKey(),
      { "accept-language": "en" },
    );
    expect(res.status).toBe(400);
    const { errors } = await res.json<{ errors: { field: string; message: string }[] }>();
    expect(errors.map((e) => e.field).sort()).toEqual(["message", "name", "phone", "subject", "township", "type"]);
    expect(errors.find((e) => e.field === "name")?.message).toMatch(/invisible/);
    expect(await scalar("SELECT count(*) AS n FROM letters")).toBe(0);
    expect(await scalar("SELECT count(*) AS n FROM outbox")).toBe(0);
  });

  it("answers a form with the letter's page, where the token is swapped for a cookie", async () => {
    const form = new URLSearchParams({
      type: "suggestion",
      subject: "垃圾清运时间",
      message: "勒乌镇的垃圾车最近一周没有来过，请安排清运。",
      name: "李四",
      phone: "13900000001",
      publish: "on",
      idempotencyKey: newKey(),
    });
    const res = await call("/api/letters", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "http://localhost",
        "sec-fetch-site": "same-origin",
      },
      body: form,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/interact\/letter\/\?ref=[A-Z0-9]{8}&token=[\w.-]+&new=1$/);
    expect(await scalar("SELECT publish AS n FROM letters")).toBe(1);
  });
});

describe("triage, reply and publication", () => {
  it("goes from the county office to the agency and out to the public, without personal details", async () => {
    const { reference, token } = await write();
    // Agencies do not see letters before the county office assigns them.
    expect((await postAs(editor, `/api/dashboard/letters/${reference}/reply`, { reply: "x" })).status).toBe(404);
    const listed = async (cookie: string) =>
      (await (await call("/api/dashboard/letters", { headers: { cookie } })).json<{ reference: string }[]>()).map(
        (l) => l.reference,
      );
    expect(await listed(editor)).toEqual([]);
    expect(await listed(admin)).toEqual([reference]);
    expect((await act(admin, reference, "accept", {})).status).toBe(400);
    const accepted = await act(admin, reference, "accept", { agency: "human-resources-bureau" });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: "accepted", agency: "human-resources-bureau" });
    expect(await listed(editor)).toEqual([reference]);
    expect(await listed(otherEditor)).toEqual([]);
    // Another agency's editor: the letter does not exist for them.
    expect((await act(otherEditor, reference, "reply", { reply: "答复" })).status).toBe(404);
    // The reviewer may not publish before the reply.
    expect((await act(reviewer, reference, "publish")).status).toBe(409);
    const reply = "王小明您好：补贴将于 12 月底前发放，如有疑问请致电 0837-2345678 或写信至 hr@county.example。";
    const replied = await act(editor, reference, "reply", { reply });
    expect(replied.status).toBe(200);
    // The editor who replied cannot publish (not a reviewer); the reviewer can.
    expect((await act(editor, reference, "publish")).status).toBe(404);
    const published = await act(reviewer, reference, "publish", {
      subject: "创业补贴何时发放（王小明）",
    });
    expect(published.status).toBe(200);

    const list = await (await call("/api/letters")).json<{ letters: Record<string, string>[]; total: number }>();
    expect(list.total).toBe(1);
    const shown = JSON.stringify(list);
    for (const personal of ["王小明", "13800138000", "138 0013 8000", "0837-2345678", "hr@county.example"]) {
      expect(shown).not.toContain(personal);
    }
    expect(list.letters[0]).toMatchObject({ reference, type: "consultation", agency: "human-resources-bureau" });
    expect(list.letters[0]?.reply).toContain("12 月底前发放");
    expect(Object.keys(list.letters[0] ?? {})).not.toContain("phone");

    // The writer sees the reply; the text about it goes out once.
    const mine = await (await call(`/api/letters/${reference}?token=${token}`)).json<Record<string, unknown>>();
    expect(mine).toMatchObject({ status: "answered", reply, answeredOn: todayInCounty() });
    await Promise.all([1, 2, 3].map(() => deliverMessages(provider(), messageLinks)));
    const sent = await texts();
    expect(sent.map((t) => t.TemplateCode).sort()).toEqual(["SMS_481001", "SMS_481002"]);
    expect(JSON.parse(sent.find((t) => t.TemplateCode === "SMS_481002")?.TemplateParam ?? "{}").link).toContain(
      `/interact/letter/?ref=${reference}&token=`,
    );

    // Each step is in the audit log, by whom.
    const audit = await env.DB.prepare(
      "SELECT l.action, a.email FROM audit_log l JOIN accounts a ON a.id = l.actor_id WHERE target_type = 'letter' ORDER BY l.id",
    ).all();
    expect(audit.results).toEqual([
      { action: "letter.accepted", email: "office@county.example" },
      { action: "letter.replied", email: "editor@county.example" },
      { action: "letter.published", email: "reviewer@county.example" },
    ]);

    // The month's figures count it: received, answered, on time.
    const stats = await (await call("/api/letters/stats")).json<{ months: Record<string, unknown>[] }>();
    expect(stats.months[0]).toMatchObject({ month: todayInCounty().slice(0, 7), received: 1, answered: 1, onTime: 1 });
    const bytes = new Uint8Array(await (await call("/api/letters/stats.csv")).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain('"咨询","1","1","1"');
  });

  it("lets one of two people replying at once win; the other is told, and one text goes out", async () => {
    const { reference } = await write();
    await act(admin, reference, "accept", { agency: "human-resources-bureau" });
    const [a, b] = await Promise.all([
      act(editor, reference, "reply", { reply: "答复一" }),
      act(reviewer, reference, "reply", { reply: "答复二" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(await loser.json()).toMatchObject({ type: expect.stringContaining("replied-first") });
    expect(await scalar("SELECT count(*) AS n FROM audit_log WHERE action = 'letter.replied'")).toBe(1);
    expect(await scalar("SELECT count(*) AS n FROM outbox WHERE kind = 'letter-answered'")).toBe(1);
  });

  it("extends a deadline once, with a reason the writer sees and a text", async () => {
    const { reference, token, dueBy } = await write({ type: "complaint" });
    await act(admin, reference, "accept", { agency: "agriculture-bureau" });
    const tooFar = addWorkingDays(dueBy, county.letters.maxExtensionWorkingDays + 1);
    expect((await act(editor, reference, "extend", { until: tooFar, reason: "需要现场核实" })).status).toBe(400);
    expect((await act(editor, reference, "extend", { until: dueBy, reason: "需要现场核实" })).status).toBe(400);
    const until = addWorkingDays(dueBy, 5);
    expect((await act(editor, reference, "extend", { until, reason: "需要现场核实" })).status).toBe(200);
    const second = await act(editor, reference, "extend", { until: addWorkingDays(until, 1), reason: "再延" });
    expect(second.status).toBe(409);
    const view = await (await call(`/api/letters/${reference}?token=${token}`)).json();
    expect(view).toMatchObject({ dueBy, extendedTo: until, extensionReason: "需要现场核实" });
    expect(await scalar("SELECT count(*) AS n FROM outbox WHERE kind = 'letter-extended'")).toBe(1);
  });

  it("publishes only with the writer's consent, and never a reviewer's own reply", async () => {
    const { reference } = await write({ publish: false });
    await act(admin, reference, "accept", { agency: "human-resources-bureau" });
    await act(reviewer, reference, "reply", { reply: "已答复" });
    expect((await act(admin, reference, "publish")).status).toBe(409);
    const second = await write({ subject: "另一件事", message: "另一件需要答复的事情，请尽快处理。" });
    await act(admin, second.reference, "accept", { agency: "human-resources-bureau" });
    await act(reviewer, second.reference, "reply", { reply: "已答复" });
    expect((await act(reviewer, second.reference, "publish")).status).toBe(403);
    expect((await act(admin, second.reference, "publish")).status).toBe(200);
    expect(await scalar("SELECT count(*) AS n FROM letters WHERE published_on IS NOT NULL")).toBe(1);
  });

  it("rejects a letter with a reason the writer sees", async () => {
    const { reference, token } = await write();
    expect((await act(editor, reference, "reject", { reason: "abusive" })).status).toBe(404);
    expect((await act(admin, reference, "reject", { reason: "because" })).status).toBe(400);
    expect((await act(admin, reference, "reject", { reason: "not-government", note: "请咨询村委会" })).status).toBe(
      200,
    );
    const view = await (await call(`/api/letters/${reference}?token=${token}`)).json();
    expect(view).toMatchObject({ status: "rejected", rejectReason: "not-government", rejectNote: "请咨询村委会" });
    expect((await act(admin, reference, "accept", { agency: "housing-bureau" })).status).toBe(409);
  });
});

describe("limits", () => {
  it("refuses the same letter twice and more than the day's letters from one phone", async () => {
    await write();
    const dup = await postJson("/api/letters", letter());
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ type: expect.stringContaining("duplicate") });
    for (let i = 1; i < county.letters.perPhonePerDay; i++) {
      await write({ subject: `第 ${i} 件事`, message: `这是第 ${i} 件需要答复的事情，内容不同。` });
    }
    const over = await postJson("/api/letters", letter({ subject: "又一件", message: "又一件不同的事情需要答复。" }));
    expect(over.status).toBe(429);
    expect(await scalar("SELECT count(*) AS n FROM letters")).toBe(county.letters.perPhonePerDay);
  });

  it("holds the per-phone limit when the letters race", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        postJson("/api/letters", letter({ subject: `并发 ${i}`, message: `并发提交的第 ${i} 封来信内容。` })),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(county.letters.perPhonePerDay);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8 - county.letters.perPhonePerDay);
    expect(await scalar("SELECT count(*) AS n FROM letters")).toBe(county.letters.perPhonePerDay);
  });
});
