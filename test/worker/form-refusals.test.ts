import { describe, expect, it } from "vitest";
import { decodeFlash, FORM_FLASH_COOKIE } from "../../functions/lib/forms";
import { call, inDays, newKey, postJson, scalar, seedCampsites, stay } from "./helpers";

/** A booking form as a browser without JavaScript posts it from the campsite page. */
function formPost(fields: Record<string, string>, referer?: string, form = true) {
  return call(`/api/bookings?lang=en${form ? "&form=booking" : ""}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: "http://localhost",
      ...(referer ? { referer } : {}),
    },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

const FIELDS = {
  unit: "gajian-byo-tent",
  checkIn: inDays(5),
  nights: "0",
  units: "1",
  "guests[adults]": "2",
  "contact[name]": "Li Wei",
  "contact[phone]": "123456",
  notes: "Arriving late",
};

function flashOf(res: Response) {
  const cookie = res.headers.get("set-cookie") ?? "";
  const value = cookie.match(new RegExp(`^${FORM_FLASH_COOKIE}=([^;]*)`))?.[1];
  return { cookie, flash: decodeFlash(value) };
}

describe("a refused browser form goes back to its page", () => {
  it("answers 303 to the form's page with what was typed and a message per field, writing nothing", async () => {
    await seedCampsites();
    const res = await formPost(
      { ...FIELDS, idempotencyKey: newKey() },
      "http://localhost/en/visit/gajian-lawn/?unit=gajian-byo-tent",
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/en/visit/gajian-lawn/?unit=gajian-byo-tent");
    const { cookie, flash } = flashOf(res);
    expect(cookie).toMatch(/; Path=\/; Max-Age=60; HttpOnly; SameSite=Lax$/);
    expect(flash?.path).toBe("/en/visit/gajian-lawn/");
    expect(flash?.form).toBe("booking");
    expect(flash?.values).toMatchObject({
      "contact.name": "Li Wei",
      "contact.phone": "123456",
      notes: "Arriving late",
    });
    expect(flash?.values).not.toHaveProperty("idempotencyKey");
    expect(flash?.errors).toEqual({
      nights: "Stay at least 1 night.",
      "contact.phone": expect.stringContaining("11 digits"),
    });
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(0);
  });

  it("never bounces to another site's page, and never keeps a password", async () => {
    await seedCampsites();
    const away = await formPost({ ...FIELDS, idempotencyKey: newKey() }, "https://evil.example/form");
    // Origin is ours, the Referer is not: the readable page, no redirect anywhere.
    expect(away.status).toBe(400);
    expect(away.headers.get("location")).toBeNull();
    // A form whose page does not show the messages (no form=) gets the readable page too.
    const unasked = await formPost(
      { ...FIELDS, idempotencyKey: newKey() },
      "http://localhost/en/visit/gajian-lawn/",
      false,
    );
    expect(unasked.status).toBe(400);
    expect(await unasked.text()).toContain("Stay at least 1 night.");
    const login = await call("/api/auth/login?lang=en&form=login", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "http://localhost",
        referer: "http://localhost/en/dashboard/login/",
      },
      body: new URLSearchParams({ email: "nobody@jinchuan.example", password: "secret-guess-1" }).toString(),
      redirect: "manual",
    });
    expect(login.status).toBe(303);
    const { cookie, flash } = flashOf(login);
    expect(flash?.values).toEqual({ email: "nobody@jinchuan.example" });
    expect(flash?.detail).toBe("The e-mail address or the password is not right.");
    expect(decodeURIComponent(cookie)).not.toContain("secret-guess-1");
  });

  it("keeps the JSON API's problem+json as it was, with the phone rule of the forms", async () => {
    await seedCampsites(10);
    for (const phone of ["123456", "12345678901", "0837"]) {
      const res = await postJson("/api/bookings", stay({ contact: { name: "Li Wei", phone } }), newKey(), {
        "accept-language": "en",
      });
      expect(res.status, phone).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const problem = await res.json<{ type: string; errors: Array<{ field: string }> }>();
      expect(problem.type).toBe("/api/problems/validation");
      expect(problem.errors.map((e) => e.field)).toEqual(["contact.phone"]);
    }
    for (const phone of ["13812345678", "138 1234 5678", "0837-2345678", "+86 837 234 5678", "+44 7700 900123"]) {
      const res = await postJson("/api/bookings", stay({ contact: { name: "Li Wei", phone } }));
      expect(res.status, phone).toBe(201);
    }
  });
});
