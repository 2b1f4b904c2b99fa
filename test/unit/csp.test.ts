import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { BOOTSTRAP_HASH, CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "@functions/lib/security";
import { describe, expect, it } from "vitest";
import { BOOTSTRAP_SCRIPT } from "../../src/scripts/bootstrap";

const headersFile = readFileSync(new URL("../../public/_headers", import.meta.url), "utf8");

describe("Content-Security-Policy", () => {
  it("allows exactly the elder-mode bootstrap by its hash", () => {
    const digest = createHash("sha256").update(BOOTSTRAP_SCRIPT).digest("base64");
    expect(BOOTSTRAP_HASH).toBe(`sha256-${digest}`);
  });

  it("forbids inline scripts, framing and third-party hosts", () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-inline");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-eval");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });

  it("is the same in public/_headers as in the Worker", () => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(headersFile, name).toContain(`  ${name}: ${value}\n`);
    }
  });
});
