import { env } from "cloudflare:workers";
import { addDays, todayInCounty } from "@functions/lib/dates";
import { beforeEach, describe, expect, it } from "vitest";
import { jpegWithMetadata, leaks, PNG_8X8 } from "../fixtures/images";
import { as, createAccount, postAs, signIn } from "./accounts";
import { call, scalar } from "./helpers";
import { checkout, postOrder, seedProduce } from "./produce";

/** County staff keep pickup points; a cooperative keeps its own profile and certificates. */
let admin: string;
let member: string;
beforeEach(async () => {
  await seedProduce();
  await createAccount("county@example.cn", "admin");
  await createAccount("pear@example.cn", "cooperative", { cooperativeId: "pear-coop" });
  admin = await signIn("county@example.cn");
  member = await signIn("pear@example.cn");
});

const point = (overrides: Record<string, unknown> = {}) => ({
  id: "township-hall",
  nameZh: "沙耳乡政府自提点",
  nameEn: "Shaer township hall",
  addressZh: "沙耳乡政府一楼",
  addressEn: "Ground floor, Shaer township hall",
  hoursZh: "9:00–17:00",
  hoursEn: "9:00 to 17:00",
  days: [1, 2, 3, 4, 5],
  phone: "0837-2345678",
  ...overrides,
});

const rows = (table: string) => scalar(`SELECT count(*) FROM ${table}`);
const formPost = (cookie: string, path: string, body: string) =>
  as(cookie, path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
    body,
  });

describe("pickup points", () => {
  it("adds a point that buyers can choose, with its days and phone, audited", async () => {
    const res = await postAs(admin, "/api/dashboard/admin/pickup-points", point());
    expect(res.status).toBe(201);
    const list = await (await call("/api/pickup-points?lang=en")).json<Array<Record<string, unknown>>>();
    expect(list.find((p) => p.id === "township-hall")).toMatchObject({
      name: "Shaer township hall",
      address: "Ground floor, Shaer township hall",
      hours: "9:00 to 17:00",
      days: [1, 2, 3, 4, 5],
      phone: "0837-2345678",
      cooperative: null,
    });
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'pickup_point.create'")).toBe(1);
    const order = await postOrder(
      checkout([{ product: "syrup", quantity: 1 }], { fulfilment: { method: "pickup", point: "township-hall" } }),
    );
    expect(order.status).toBe(201);
  });

  it("refuses bad input with a message per field in the person's language and writes nothing", async () => {
    const before = [await rows("pickup_points"), await rows("audit_log")];
    const zh = await postAs(admin, "/api/dashboard/admin/pickup-points", point({ nameZh: " ", days: [], phone: "12" }));
    expect(zh.status).toBe(400);
    const zhBody = await zh.json<{ errors: Array<{ field: string; message: string }> }>();
    expect(Object.fromEntries(zhBody.errors.map((e) => [e.field, e.message]))).toMatchObject({
      nameZh: "此项必填。",
      days: "请至少选择一个开放日。",
      phone: expect.stringContaining("请填写电话号码"),
    });
    const en = await postAs(admin, "/api/dashboard/admin/pickup-points?lang=en", point({ days: [9] }));
    expect(en.status).toBe(400);
    expect(await en.json()).toMatchObject({
      errors: [{ field: "days.0", message: "Choose at least one day the point is open." }],
    });
    const unknown = await postAs(admin, "/api/dashboard/admin/pickup-points", point({ cooperative: "nobody" }));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ errors: [{ field: "cooperative" }] });
    const taken = await postAs(admin, "/api/dashboard/admin/pickup-points", point({ id: "visitor-centre" }));
    expect(taken.status).toBe(409);
    expect([await rows("pickup_points"), await rows("audit_log")]).toEqual(before);
  });

  it("edits from a form without JavaScript and sends the person back with a 303", async () => {
    const body = new URLSearchParams({
      nameZh: "游客中心",
      nameEn: "Visitor centre",
      addressZh: "新地址",
      addressEn: "New address",
      hoursZh: "周末",
      hoursEn: "Weekends",
      "days[6]": "6",
      "days[7]": "7",
      next: "/en/dashboard/admin/pickup-points/visitor-centre/",
    });
    const res = await formPost(admin, "/api/dashboard/admin/pickup-points/visitor-centre?lang=en", body.toString());
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/en/dashboard/admin/pickup-points/visitor-centre/?done=point_saved");
    expect(
      await scalar(
        "SELECT address_en || ' ' || open_days || ' ' || ifnull(phone, '-') FROM pickup_points WHERE id = 'visitor-centre'",
      ),
    ).toBe(`New address ${(1 << 5) | (1 << 6)} -`);
    const before = JSON.parse(
      String(await scalar("SELECT before FROM audit_log WHERE action = 'pickup_point.update'")),
    );
    expect(before.addressEn).toBe("Address");
  });

  it("retires a point: no longer offered, but an order placed there keeps showing it", async () => {
    const placed = await postOrder(checkout([{ product: "syrup", quantity: 1 }]));
    const { orders } = await placed.json<{ orders: Array<{ reference: string; token: string }> }>();
    const res = await postAs(admin, "/api/dashboard/admin/pickup-points/visitor-centre/retire");
    expect(res.status).toBe(200);
    const list = await (await call("/api/pickup-points")).json<Array<{ id: string }>>();
    expect(list.map((p) => p.id)).not.toContain("visitor-centre");
    const refused = await postOrder(checkout([{ product: "syrup", quantity: 1 }]));
    expect(refused.status).toBe(400);
    const order = orders[0];
    const shown = await call(`/api/orders/${order?.reference}?token=${order?.token}&lang=en`);
    expect(JSON.stringify(await shown.json())).toContain("visitor-centre point");
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'pickup_point.retire'")).toBe(1);
    expect((await postAs(admin, "/api/dashboard/admin/pickup-points/visitor-centre/reopen")).status).toBe(200);
    expect((await postOrder(checkout([{ product: "syrup", quantity: 1 }]))).status).toBe(201);
  });

  it("is for county staff only", async () => {
    expect((await postAs(member, "/api/dashboard/admin/pickup-points", point())).status).toBe(404);
    expect((await postAs(member, "/api/dashboard/admin/pickup-points/visitor-centre/retire")).status).toBe(404);
    expect(await scalar("SELECT active FROM pickup_points WHERE id = 'visitor-centre'")).toBe(1);
  });
});

const certificate = (overrides: Record<string, unknown> = {}) => ({
  nameZh: "绿色食品",
  nameEn: "Green Food",
  number: "LB-18-2301011234A",
  issuer: "中国绿色食品发展中心",
  validUntil: addDays(todayInCounty(), 400),
  ...overrides,
});

function upload(cookie: string, path: string, bytes: Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.set("image", new File([bytes], "photo.jpg", { type: "image/jpeg" }));
  const body = new Request("http://localhost/", { method: "POST", body: form });
  return body.arrayBuffer().then((buf) =>
    as(cookie, path, {
      method: "POST",
      headers: {
        "content-type": body.headers.get("content-type") ?? "",
        "content-length": String(buf.byteLength),
        origin: "http://localhost",
      },
      body: buf,
    }),
  );
}

describe("cooperative profile", () => {
  it("saves the description in both languages, audited", async () => {
    const res = await postAs(member, "/api/dashboard/cooperatives/pear-coop/profile", {
      descriptionZh: "我们种梨三十年。",
      descriptionEn: "We have grown pears for thirty years.",
    });
    expect(res.status).toBe(200);
    const coop = await (await call("/api/cooperatives/pear-coop?lang=en")).json<{ description: string }>();
    expect(coop.description).toBe("We have grown pears for thirty years.");
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'cooperative.profile'")).toBe(1);
  });

  it("another cooperative's profile is 404 and untouched", async () => {
    const paths = [
      "/api/dashboard/cooperatives/wine-coop/profile",
      "/api/dashboard/cooperatives/wine-coop/certificates",
    ];
    expect((await as(member, paths[0] ?? "")).status).toBe(404);
    expect((await postAs(member, paths[0] ?? "", { descriptionZh: "x" })).status).toBe(404);
    expect((await postAs(member, paths[1] ?? "", certificate())).status).toBe(404);
    expect((await upload(member, "/api/dashboard/cooperatives/wine-coop/photos", PNG_8X8)).status).toBe(404);
    // A certificate of another cooperative, addressed through one's own, is 404 too.
    await postAs(admin, "/api/dashboard/cooperatives/wine-coop/certificates", certificate());
    const theirs = await scalar("SELECT id FROM cooperative_certificates WHERE cooperative_id = 'wine-coop'");
    const own = `/api/dashboard/cooperatives/pear-coop/certificates/${theirs}`;
    expect((await postAs(member, own, certificate({ number: "mine" }))).status).toBe(404);
    expect((await postAs(member, `${own}/delete`)).status).toBe(404);
    expect(await scalar("SELECT number FROM cooperative_certificates WHERE id = ?", theirs)).toBe("LB-18-2301011234A");
    expect(await scalar("SELECT description_zh FROM cooperatives WHERE id = 'wine-coop'")).toBe("");
    expect((await call("/api/dashboard/cooperatives/pear-coop/profile")).status).toBe(401);
  });

  it("a certificate awaits the county's check again after every change; the check is audited", async () => {
    const base = "/api/dashboard/cooperatives/pear-coop/certificates";
    const added = await postAs(member, base, certificate());
    expect(added.status).toBe(201);
    const { id } = await added.json<{ id: number }>();
    expect(await scalar("SELECT target_id FROM audit_log WHERE action = 'certificate.create'")).toBe(String(id));
    const status = () => scalar<string | null>("SELECT verified_at FROM cooperative_certificates WHERE id = ?", id);
    expect(await status()).toBeNull();
    expect((await postAs(member, `/api/dashboard/admin/certificates/${id}/verify`)).status).toBe(404);
    expect((await postAs(admin, `/api/dashboard/admin/certificates/${id}/verify`)).status).toBe(200);
    expect(await status()).not.toBeNull();
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'certificate.verify'")).toBe(1);

    expect((await postAs(member, `${base}/${id}`, certificate({ number: "LB-18-9999" }))).status).toBe(200);
    expect(await status()).toBeNull();
    await postAs(admin, `/api/dashboard/admin/certificates/${id}/verify`);
    const picture = await upload(member, `${base}/${id}/image`, jpegWithMetadata(1));
    expect(picture.status).toBe(200);
    const { image } = await picture.json<{ image: string }>();
    expect(image).toMatch(/^\/media\/cooperatives\/pear-coop\/[0-9a-f]{32}\.jpg$/);
    const stored = await env.MEDIA.get(image.slice("/media/".length));
    expect(leaks(new Uint8Array((await stored?.arrayBuffer()) ?? new ArrayBuffer(0)))).toEqual([]);
    expect((await call(image)).status).toBe(200);
    expect(await status()).toBeNull();
  });

  it("refuses a bad certificate in the person's language and writes nothing", async () => {
    const base = "/api/dashboard/cooperatives/pear-coop/certificates";
    const before = [await rows("cooperative_certificates"), await rows("audit_log")];
    const zh = await postAs(member, base, certificate({ validUntil: "2027-02-30", number: "" }));
    expect(zh.status).toBe(400);
    const errors = (await zh.json<{ errors: Array<{ field: string; message: string }> }>()).errors;
    expect(Object.fromEntries(errors.map((e) => [e.field, e.message]))).toEqual({
      number: "此项必填。",
      validUntil: "请填写有效期至哪一天，例如 2027-06-30。",
    });
    const en = await postAs(member, `${base}?lang=en`, certificate({ issuer: undefined }));
    expect(await en.json()).toMatchObject({ errors: [{ field: "issuer", message: "This field is required." }] });
    expect([await rows("cooperative_certificates"), await rows("audit_log")]).toEqual(before);
  });

  it("adds photos without their metadata, up to the limit, and removes them", async () => {
    const path = "/api/dashboard/cooperatives/pear-coop/photos";
    const first = await upload(member, path, jpegWithMetadata(1));
    expect(first.status).toBe(200);
    for (let i = 1; i < 8; i++) expect((await upload(member, path, PNG_8X8)).status).toBe(200);
    const over = await upload(member, `${path}?lang=en`, PNG_8X8);
    expect(over.status).toBe(400);
    expect(await over.json()).toMatchObject({
      errors: [{ field: "image", message: expect.stringContaining("At most 8") }],
    });
    expect(await rows("cooperative_photos")).toBe(8);
    const listed = (await env.MEDIA.list({ prefix: "cooperatives/pear-coop/" })).objects.length;
    expect(listed).toBe(8);
    const id = await scalar("SELECT min(id) FROM cooperative_photos");
    expect((await postAs(member, `${path}/${id}/delete`)).status).toBe(200);
    expect(await rows("cooperative_photos")).toBe(7);
    expect((await env.MEDIA.list({ prefix: "cooperatives/pear-coop/" })).objects.length).toBe(7);
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action LIKE 'cooperative.photo_%'")).toBe(9);
  });
});
