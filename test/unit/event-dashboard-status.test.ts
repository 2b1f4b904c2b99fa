import { describe, expect, it } from "vitest";
import { withDashboardStatus } from "../../src/lib/events/dashboard-status";
import type { EventFrontMatter } from "../../src/lib/events/schema";

/** The build gives an event the status staff set in the dashboard, with their reason in each language. */
const base = { status: "scheduled", previousStart: [], statusNote: "以花期为准" } as unknown as EventFrontMatter;

describe("an event's status from the dashboard", () => {
  it("replaces the file's status and note, in the page's language", () => {
    const managed = { status: "cancelled" as const, reason: { "zh-CN": "冰雹", en: "Hail" } };
    expect(withDashboardStatus(base, managed, "zh-CN")).toMatchObject({ status: "cancelled", statusNote: "冰雹" });
    expect(withDashboardStatus(base, managed, "en")).toMatchObject({ status: "cancelled", statusNote: "Hail" });
  });

  it("keeps the file's note when staff gave no reason in that language", () => {
    const managed = { status: "postponed" as const, reason: { "zh-CN": "推迟", en: "" } };
    expect(withDashboardStatus(base, managed, "en")).toMatchObject({ status: "postponed", statusNote: "以花期为准" });
  });

  it("says rescheduled only when the file names the start it had before", () => {
    const managed = { status: "rescheduled" as const, reason: { "zh-CN": "改期", en: "Moved" } };
    expect(withDashboardStatus(base, managed, "en")).toMatchObject({ status: "scheduled", statusNote: "Moved" });
    const moved = { ...base, previousStart: ["2027-03-20"] } as unknown as EventFrontMatter;
    expect(withDashboardStatus(moved, managed, "en").status).toBe("rescheduled");
  });
});
