import { readdirSync, readFileSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";

/**
 * drizzle-kit rebuilds a SQLite table to change a CHECK, copying the rows with
 * INSERT ... SELECT. A column that the old table lacks must be copied as NULL: SQLite
 * reads an unknown "name" as the string 'name' where double-quoted strings are allowed,
 * so a wrong copy fills every existing row with column names (or fails a CHECK) on a
 * live database while an empty test database never notices. Node's SQLite refuses
 * double-quoted strings, so here a wrong copy fails.
 *
 * D1 runs each migration in a transaction with foreign keys on, where PRAGMA
 * foreign_keys=OFF does nothing: dropping a table that other rows point at fails there.
 * So does it here, with foreign keys on and each file in a transaction of its own.
 */
const dir = new URL("../../migrations/", import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".sql"))
  .sort();

/** A campsite with a booking and a text about it; a cooperative with a product and an order of it. */
const SEED_BEFORE_0007 = `
  INSERT INTO campsites (slug, name_zh, name_en) VALUES ('site', '营地', 'Site');
  INSERT INTO unit_types (id, campsite_id, name_zh, name_en, capacity, max_guests, price_fen)
    SELECT 'u', id, '帐篷位', 'Pitch', 5, 4, 10000 FROM campsites;
  INSERT INTO bookings (reference, token_hash, unit_type_id, check_in, nights, units, adults, contact_name, contact_phone, total_fen)
    VALUES ('ABCDEFGH', 'h', 'u', '2026-05-01', 2, 1, 2, '王芳', '13800000000', 20000);
  INSERT INTO outbox (channel, recipient, kind, lang, booking_id, due_at)
    SELECT 'sms', '13800000000', 'recovery', 'zh-CN', id, '2026-05-01T00:00:00.000Z' FROM bookings;
  INSERT INTO cooperatives (id, name_zh, name_en, credit_code, township_zh, township_en, village_zh, village_en, contact_name, contact_phone)
    VALUES ('coop', '合作社', 'Cooperative', '93513221MA6CK1B780', '乡', 'Township', '村', 'Village', '杨', '13700000000');
  INSERT INTO products (id, cooperative_id, category, name_zh, name_en, unit_zh, unit_en, price_fen, stock, season_months)
    VALUES ('syrup', 'coop', 'pear-syrup', '梨膏', 'Syrup', '瓶', 'jar', 4800, 5, 4095);
  INSERT INTO pickup_points (id, name_zh, name_en, address_zh, address_en, hours_zh, hours_en)
    VALUES ('p', '自提点', 'Point', '地址', 'Address', '每天', 'Daily');
  INSERT INTO orders (reference, token_hash, checkout, cooperative_id, total_fen, fulfilment, pickup_point_id, contact_name, contact_phone)
    VALUES ('HGFEDCBA', 'h', 'c', 'coop', 4800, 'pickup', 'p', '张三', '13900000000');
  INSERT INTO order_lines (order_id, product_id, quantity, unit_price_fen) SELECT id, 'syrup', 1, 4800 FROM orders;
  INSERT INTO order_notices (order_id, attempts, sent_at, recipients, message_id)
    SELECT id, 1, '2026-05-01T00:00:00.000Z', '["li@coop.example.cn","wang@coop.example.cn"]', '<m1@jinchuan.gov.cn>' FROM orders;
`;

/** Staff with what points at their accounts: a site, a session, a recovery code, an invitation, audit entries. */
const SEED_BEFORE_0010 = `
  INSERT INTO accounts (id, email, name, role, password_hash) VALUES (1, 'admin@county.example', '管理员', 'admin', 'x');
  INSERT INTO accounts (id, email, name, role) VALUES (2, 'op@county.example', '营地', 'operator');
  INSERT INTO account_campsites (account_id, campsite_id) SELECT 2, id FROM campsites;
  INSERT INTO sessions (token_hash, account_id, expires_at, last_seen_at, reauth_at)
    VALUES ('s1', 1, '2026-05-02T00:00:00.000Z', '2026-05-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z');
  INSERT INTO recovery_codes (account_id, code_hash) VALUES (1, 'c1');
  INSERT INTO invites (reference, token_hash, account_id, created_by, expires_at) VALUES ('INV1', 't', 2, 1, '2026-05-03T00:00:00.000Z');
  INSERT INTO audit_log (actor_id, action, target_type, target_id) VALUES (1, 'account.invite', 'account', '2');
  INSERT INTO audit_log (actor_id, action, target_type, target_id) VALUES (NULL, 'account.create', 'account', '1');
`;

describe("migrations keep the rows of a live database", () => {
  it("applies every migration over a database that already holds bookings and orders", () => {
    const db = new DatabaseSync(":memory:");
    db.exec("PRAGMA foreign_keys = ON");
    let seeded = false;
    let staffSeeded = false;
    for (const file of files) {
      db.exec(`BEGIN; ${readFileSync(new URL(file, dir), "utf8")}; COMMIT;`);
      if (!staffSeeded && file.startsWith("0009")) {
        db.exec(SEED_BEFORE_0010);
        staffSeeded = true;
      }
      if (!seeded && file.startsWith("0006")) {
        db.exec(SEED_BEFORE_0007);
        seeded = true;
      }
    }
    expect(seeded).toBe(true);
    expect(staffSeeded).toBe(true);
    // The accounts table was rebuilt for the new roles: everything pointing at it is back as it was.
    expect(db.prepare("SELECT id, role FROM accounts ORDER BY id").all()).toEqual([
      { id: 1, role: "admin" },
      { id: 2, role: "operator" },
    ]);
    expect(db.prepare("SELECT account_id FROM account_campsites").all()).toEqual([{ account_id: 2 }]);
    expect(db.prepare("SELECT token_hash, account_id, reauth_at FROM sessions").all()).toEqual([
      { token_hash: "s1", account_id: 1, reauth_at: "2026-05-01T00:00:00.000Z" },
    ]);
    expect(db.prepare("SELECT account_id, code_hash FROM recovery_codes").all()).toEqual([
      { account_id: 1, code_hash: "c1" },
    ]);
    expect(db.prepare("SELECT account_id, created_by FROM invites").all()).toEqual([{ account_id: 2, created_by: 1 }]);
    expect(db.prepare("SELECT action, actor_id FROM audit_log ORDER BY id").all()).toEqual([
      { action: "account.invite", actor_id: 1 },
      { action: "account.create", actor_id: null },
    ]);
    db.exec("INSERT INTO accounts (email, name, role) VALUES ('ed@county.example', '编辑', 'editor')");
    const booking = db.prepare("SELECT * FROM bookings").get() as Record<string, unknown>;
    expect(booking).toMatchObject({ reference: "ABCDEFGH", contact_phone: "13800000000", status: "confirmed" });
    const order = db.prepare("SELECT * FROM orders").get() as Record<string, unknown>;
    expect(order).toMatchObject({ reference: "HGFEDCBA", status: "placed", total_fen: 4800 });
    expect(db.prepare("SELECT product_id, quantity FROM order_lines").all()).toEqual([
      { product_id: "syrup", quantity: 1 },
    ]);
    expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE booking_id = ?").get(Number(booking.id))).toEqual({
      n: 1,
    });
    // The new-order e-mail already sent moved to the outbox, one row per address, with its time and id.
    expect(
      db
        .prepare(
          "SELECT recipient, kind, status, sent_at, provider_message_id FROM outbox WHERE channel = 'email' ORDER BY id",
        )
        .all(),
    ).toEqual(
      ["li@coop.example.cn", "wang@coop.example.cn"].map((recipient) => ({
        recipient,
        kind: "order-new",
        status: "sent",
        sent_at: "2026-05-01T00:00:00.000Z",
        provider_message_id: "<m1@jinchuan.gov.cn>",
      })),
    );
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    // Every column added after the rows were written is empty, never the column's own name.
    for (const row of [booking, order]) {
      for (const [name, value] of Object.entries(row)) expect(value, name).not.toBe(name);
    }
  });
});
