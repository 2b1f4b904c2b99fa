import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { FAKE_SMS_KEY_PREFIX, FAKE_SMS_SECRET, FAKE_SMS_SIGN_NAME, FAKE_SMS_TEMPLATES } from "../fake-sms/keys";
import { app } from "./entry";
import { call, postJson, scalar, seedCampsites, stay } from "./helpers";
import { checkout, type PlacedBody, postOrder, seedProduce } from "./produce";

/** POST /api/recover as an API client, from one address. */
function recover(body: unknown, { lang = "zh-CN", ip = "203.0.113.7" } = {}) {
  return postJson(`/api/recover?lang=${lang}`, body, null, { "cf-connecting-ip": ip });
}

async function book(phone = "13800000000"): Promise<string> {
  const res = await postJson("/api/bookings", stay({ contact: { name: "王芳", phone } }));
  expect(res.status).toBe(201);
  return (await res.json<{ reference: string }>()).reference;
}

/** Recovery texts only: each booking also queues its own confirmation. */
const queued = () => scalar("SELECT count(*) FROM outbox WHERE kind = 'recovery'");

beforeEach(() => seedCampsites(3));

describe("find my booking: the link again by reference and phone", () => {
  it("queues exactly one SMS to the phone on the booking, with the reference and never a token", async () => {
    const reference = await book();
    const res = await recover({ reference: reference.toLowerCase(), phone: "+86 138-0000-0000" });
    expect(res.status).toBe(202);
    const { results } = await env.DB.prepare(
      "SELECT channel, recipient, kind, lang, params, booking_id, order_id, status FROM outbox WHERE kind = 'recovery'",
    ).all<Record<string, unknown>>();
    expect(results).toEqual([
      {
        channel: "sms",
        recipient: "13800000000",
        kind: "recovery",
        lang: "zh-CN",
        params: JSON.stringify({ reference, about: "booking" }),
        booking_id: await scalar("SELECT id FROM bookings WHERE reference = ?", reference),
        order_id: null,
        status: "pending",
      },
    ]);
    expect(await scalar("SELECT count(*) FROM recovery_requests")).toBe(1);
  });

  it("finds an order the same way", async () => {
    await seedProduce();
    const placed = await postOrder(
      checkout([{ product: "syrup", quantity: 1 }], { contact: { name: "赵敏", phone: "139 1234 5678" } }),
    );
    const reference = (await placed.json<PlacedBody>()).orders[0]?.reference ?? "";
    expect((await recover({ reference, phone: "13912345678" }, { lang: "en" })).status).toBe(202);
    expect(
      await env.DB.prepare("SELECT recipient, lang, params, order_id IS NOT NULL AS o FROM outbox").first(),
    ).toEqual({ recipient: "13912345678", lang: "en", params: JSON.stringify({ reference, about: "order" }), o: 1 });
  });

  it("answers the same whether or not anything matched, and queues nothing on a mismatch", async () => {
    const reference = await book();
    const other = await book("13900000001");
    const answers = [];
    for (const body of [
      { reference, phone: "13800000000" },
      { reference: other, phone: "13800000000" },
      { reference: "ZZZZZZZZ", phone: "13800000000" },
    ]) {
      const res = await recover(body);
      answers.push({ status: res.status, type: res.headers.get("content-type"), body: await res.text() });
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]?.status).toBe(202);
    expect(JSON.parse(answers[0]?.body ?? "{}")).toMatchObject({ status: "accepted", channel: "call" });
    expect(await queued()).toBe(1);

    // Forms too: the same redirect to the same result page.
    const form = async (ref: string) => {
      const res = await call("/api/recover?lang=en", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
        body: new URLSearchParams({ reference: ref, phone: "13700000000" }),
      });
      return [res.status, res.headers.get("location"), res.headers.get("set-cookie")];
    };
    expect(await form(other)).toEqual([303, "/en/find/?sent=1", null]);
    expect(await form("YYYYYYYY")).toEqual(await form(other));
  });

  it("says texts go out when a provider is configured", async () => {
    const withSms = {
      ...env,
      ALIYUN_SMS_ACCESS_KEY_ID: `${FAKE_SMS_KEY_PREFIX}answer`,
      ALIYUN_SMS_ACCESS_KEY_SECRET: FAKE_SMS_SECRET,
      ALIYUN_SMS_SIGN_NAME: FAKE_SMS_SIGN_NAME,
      ALIYUN_SMS_TEMPLATES: FAKE_SMS_TEMPLATES,
    };
    const res = await app.request(
      "/api/recover?lang=en",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ reference: "ZZZZZZZZ", phone: "13800000000" }),
      },
      withSms,
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({
      status: "accepted",
      channel: "sms",
      detail:
        "If the reference and the phone number match, a text with the link will reach that phone within a few minutes.",
    });
  });

  it("sends no more than one text per booking in a few minutes", async () => {
    const reference = await book();
    for (let i = 0; i < 3; i++) expect((await recover({ reference, phone: "13800000000" })).status).toBe(202);
    expect(await queued()).toBe(1);
    // Six minutes later another request queues another text.
    await env.DB.prepare("UPDATE outbox SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-6 minutes')").run();
    expect((await recover({ reference, phone: "13800000000" })).status).toBe(202);
    expect(await queued()).toBe(2);
  });

  it("throttles per reference with a 429 in the person's language, and queues nothing then", async () => {
    const reference = await book();
    for (let i = 0; i < 5; i++) {
      expect((await recover({ reference, phone: "13800000000" }, { ip: `198.51.100.${i}` })).status).toBe(202);
    }
    await env.DB.prepare("DELETE FROM outbox").run();
    const res = await recover({ reference, phone: "13800000000" }, { lang: "en", ip: "198.51.100.99" });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(3000);
    expect(await res.json()).toMatchObject({
      status: 429,
      detail: "Too many requests. To prevent abuse, please try again in 60 minutes, or call us.",
    });
    const zh = await recover({ reference, phone: "13800000000" }, { ip: "198.51.100.98" });
    expect((await zh.json<{ detail: string }>()).detail).toBe(
      "查询次数过多。为防止滥用，请在 60 分钟后再试，或直接致电。",
    );
    // The text is written only with its throttle record: refused, nothing was queued.
    expect(await queued()).toBe(0);
    expect(await scalar("SELECT count(*) FROM recovery_requests")).toBe(5);
  });

  it("throttles per phone and per address across references", async () => {
    for (let i = 0; i < 5; i++) {
      expect(
        (await recover({ reference: `ZZZZZZZ${i + 2}`, phone: "13800000000" }, { ip: `198.51.100.${i}` })).status,
      ).toBe(202);
    }
    expect((await recover({ reference: "ZZZZZZZA", phone: "138 0000 0000" }, { ip: "198.51.100.50" })).status).toBe(
      429,
    );
    const letters = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    for (let i = 0; i < 30; i++) {
      const res = await recover(
        { reference: `YYYYYYY${letters[i]}`, phone: `1390000${String(i).padStart(4, "0")}` },
        { ip: "192.0.2.1" },
      );
      expect(res.status, `request ${i}`).toBe(202);
    }
    const last = await recover({ reference: "XXXXXXXX", phone: "13700000000" }, { ip: "192.0.2.1" });
    expect(last.status).toBe(429);
  });

  it("refuses a malformed reference or phone with a message per field, writing nothing", async () => {
    const res = await recover({ reference: "ABC", phone: "call me" }, { lang: "en" });
    expect(res.status).toBe(400);
    const problem = await res.json<{ errors: Array<{ field: string; message: string }> }>();
    expect(problem.errors).toEqual([
      {
        field: "reference",
        message: "Enter the booking or order reference: 8 letters and digits, for example 7KQ2MZ4P.",
      },
      {
        field: "phone",
        message: "Enter the phone number you gave when booking or ordering, for example 138 0000 0000.",
      },
    ]);
    expect(await scalar("SELECT count(*) FROM recovery_requests")).toBe(0);

    // A form goes back to the form, keeping what was typed out of the address.
    const form = await call("/api/recover?form=find", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "http://localhost",
        referer: "http://localhost/find/",
      },
      body: new URLSearchParams({ reference: "QA3MJPX", phone: "13800000000" }),
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/find/");
    expect(form.headers.get("set-cookie")).toMatch(/^portal_form=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/);
    expect(await queued()).toBe(0);
  });
});
