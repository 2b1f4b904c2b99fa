import { env } from "cloudflare:workers";
import { housekeeping } from "@functions/housekeeping";
import { describe, expect, it } from "vitest";
import { inDays, postJson, scalar, seedCampsites, stay } from "./helpers";

describe("housekeeping (cron)", () => {
  it("forgets idempotency keys after a day and marks past unchecked-in bookings as no-shows", async () => {
    await seedCampsites();
    await postJson("/api/bookings", stay({ checkIn: inDays(1) }));
    await postJson("/api/bookings", stay({ checkIn: inDays(3) }));
    await env.DB.prepare("UPDATE idempotency_keys SET created_at = '2000-01-01T00:00:00.000Z' WHERE rowid = 1").run();
    // Two days later the first stay's arrival date has passed without a check-in.
    const later = new Date(Date.now() + 2 * 86_400_000);
    expect(await housekeeping(env, later)).toEqual({
      prunedKeys: 1,
      noShows: 1,
      endedSessions: 0,
      releasedHolds: 0,
      reminders: 0,
      expiredOrders: 0,
      erasedBookings: 0,
      erasedOrders: 0,
      erasedLetters: 0,
      overdueDigests: 0,
    });
    expect(await scalar("SELECT count(*) FROM idempotency_keys")).toBe(1);
    expect(await scalar("SELECT group_concat(status, ',') FROM (SELECT status FROM bookings ORDER BY check_in)")).toBe(
      "no_show,confirmed",
    );
  });
});
