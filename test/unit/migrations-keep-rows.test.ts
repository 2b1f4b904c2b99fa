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
 */
const dir = new URL("../../migrations/", import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".sql"))
  .sort();

describe("migrations keep the rows of a live database", () => {
  it("applies every migration over a database that already holds bookings and orders", () => {
    const db = new DatabaseSync(":memory:");
    db.exec("PRAGMA foreign_keys = OFF");
    let seeded = false;
    for (const file of files) {
      db.exec(readFileSync(new URL(file, dir), "utf8"));
      if (!seeded && file.startsWith("0006")) {
        db.exec(`INSERT INTO bookings (reference, token_hash, unit_type_id, check_in, nights, units, adults, contact_name, contact_phone, total_fen)
                 VALUES ('ABCDEFGH', 'h', 'u', '2026-05-01', 2, 1, 2, '王芳', '13800000000', 20000)`);
        db.exec(`INSERT INTO orders (reference, token_hash, checkout, cooperative_id, total_fen, fulfilment, pickup_point_id, contact_name, contact_phone)
                 VALUES ('HGFEDCBA', 'h', 'c', 'coop', 4800, 'pickup', 'p', '张三', '13900000000')`);
        seeded = true;
      }
    }
    expect(seeded).toBe(true);
    const booking = db.prepare("SELECT * FROM bookings").get() as Record<string, unknown>;
    expect(booking).toMatchObject({ reference: "ABCDEFGH", contact_phone: "13800000000", status: "confirmed" });
    const order = db.prepare("SELECT * FROM orders").get() as Record<string, unknown>;
    expect(order).toMatchObject({ reference: "HGFEDCBA", status: "placed", total_fen: 4800 });
    // Every column added after the rows were written is empty, never the column's own name.
    for (const row of [booking, order]) {
      for (const [name, value] of Object.entries(row)) expect(value, name).not.toBe(name);
    }
  });
});
