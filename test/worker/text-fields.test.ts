import { describe, expect, it } from "vitest";
import { as, createAccount, signIn, snapshot } from "./accounts";
import { databaseDigest } from "./digest";
import { call, newKey, postJson, scalar, seedCampsites, stay } from "./helpers";
import { checkout, postOrder, seedProduce } from "./produce";

/** Characters that hide or reorder text: refused with a message on the field, nothing written. */
const HIDDEN = ["\u0000", "\u0007", "\u202E", "\u2066", "\u200B", "\uFEFF", "\u00AD", "\u0085", "\t"];

type Problem = { errors?: Array<{ field: string; message: string }> };
const fieldsOf = async (res: Response) => ((await res.json()) as Problem).errors?.map((e) => e.field) ?? [];

describe("public text fields", () => {
  it("a booking name or note with hidden characters is refused on that field, in the person's language", async () => {
    await seedCampsites();
    for (const ch of HIDDEN) {
      const res = await postJson("/api/bookings", stay({ contact: { name: `王${ch}芳`, phone: "13800000000" } }));
      expect(res.status, JSON.stringify(ch)).toBe(400);
      expect(await fieldsOf(res)).toContain("contact.name");
      const note = await postJson("/api/bookings", stay({ notes: `late${ch}arrival` }), newKey(), {
        "accept-language": "en",
      });
      expect(note.status, JSON.stringify(ch)).toBe(400);
      const problem = (await note.json()) as Problem;
      expect(problem.errors?.[0]).toMatchObject({ field: "notes", message: expect.stringMatching(/invisible/) });
    }
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(0);
  });

  it("a name on two lines is refused; notes keep their lines as \\n, and text is stored in NFC", async () => {
    await seedCampsites();
    const twoLines = await postJson("/api/bookings", stay({ contact: { name: "Li\nWei", phone: "13800000000" } }));
    expect(twoLines.status).toBe(400);
    expect(((await twoLines.json()) as Problem).errors?.[0]?.message).toBe("请写在一行内，不要换行。");
    const ok = await postJson(
      "/api/bookings",
      stay({ contact: { name: "Rene\u0301 👨‍👩‍👧", phone: "13800000000" }, notes: "first\r\nsecond\rthird" }),
    );
    expect(ok.status).toBe(201);
    const row = await scalar<string>("SELECT json_object('n', contact_name, 'o', notes) FROM bookings");
    expect(JSON.parse(row)).toEqual({ n: "René 👨‍👩‍👧", o: "first\nsecond\nthird" });
  });

  it("a phone number with a hidden character is not a phone number", async () => {
    await seedCampsites();
    const res = await postJson("/api/bookings", stay({ contact: { name: "王芳", phone: "138\u202E00000000" } }));
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toContain("contact.phone");
  });

  it("an order's address lines and notes follow the same rule", async () => {
    await seedProduce();
    const before = await databaseDigest();
    const address = { province: "四川省", city: "阿坝州", district: "金川县", line: "河东乡\n1 号" };
    const res = await postOrder(
      checkout([{ product: "syrup", quantity: 1 }], { fulfilment: { method: "delivery", address } }),
    );
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toContain("fulfilment.address.line");
    const notes = await postOrder(checkout([{ product: "syrup", quantity: 1 }], { notes: "\u202Egnorw" }));
    expect(notes.status).toBe(400);
    expect(await databaseDigest()).toBe(before);
  });

  it("find-my-booking and the sign-in e-mail refuse them too", async () => {
    const found = await postJson("/api/recover", { reference: "7KQ2\u200BMZ4P", phone: "13800000000" });
    expect(found.status).toBe(400);
    expect(await fieldsOf(found)).toContain("reference");
    const login = await call("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": "203.0.113.80" },
      body: JSON.stringify({ email: "ops@example.cn\u0000", password: "x" }),
    });
    expect(login.status).toBe(400);
    expect(await fieldsOf(login)).toContain("email");
  });

  it("dashboard text fields: a product name with a bidi override is refused", async () => {
    await seedProduce();
    await createAccount("coop@example.cn", "cooperative", { cooperativeId: "pear-coop" });
    const cookie = await signIn("coop@example.cn");
    const before = await snapshot();
    const res = await as(cookie, "/api/dashboard/products/syrup/stock", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ change: 1, reason: "count\u202Eed" }),
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toContain("reason");
    expect(await snapshot()).toEqual(before);
  });
});
