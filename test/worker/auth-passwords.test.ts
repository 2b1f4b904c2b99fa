import { env } from "cloudflare:workers";
import { hashPassword, MAX_ITERATIONS, needsRehash, verifyPassword } from "@functions/accounts/passwords";
import { describe, expect, it } from "vitest";
import { createAccount, PASSWORD, signIn } from "./accounts";
import { scalar } from "./helpers";

const iterationsOf = (hash: string) => Number(hash.split("$")[1]);

describe("password hashes", () => {
  it("use PBKDF2-SHA256 at exactly the Workers cap of 100,000 iterations, with a fresh salt each time", async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(`${PASSWORD} `, a)).toBe(false);
  });

  it("are never produced above 100,000 iterations (production Workers would refuse them)", async () => {
    expect(MAX_ITERATIONS).toBe(100_000);
    await expect(hashPassword(PASSWORD, 100_001)).rejects.toThrow(RangeError);
    await expect(hashPassword(PASSWORD, 600_000)).rejects.toThrow(RangeError);
    // Whatever path creates a hash, what lands in D1 is at the cap.
    await createAccount("ops@example.cn", "operator");
    expect(iterationsOf(await scalar<string>("SELECT password_hash FROM accounts"))).toBeLessThanOrEqual(
      MAX_ITERATIONS,
    );
  });

  it("never verify a stored hash above the cap, even if it is otherwise right", async () => {
    const ok = await hashPassword(PASSWORD, 1000);
    const forged = ok.replace("$1000$", "$100001$");
    expect(await verifyPassword(PASSWORD, forged)).toBe(false);
  });

  it("are upgraded at sign-in when made with fewer iterations", async () => {
    await createAccount("ops@example.cn", "operator");
    await env.DB.prepare("UPDATE accounts SET password_hash = ?")
      .bind(await hashPassword(PASSWORD, 1000))
      .run();
    expect(needsRehash(await scalar<string>("SELECT password_hash FROM accounts"))).toBe(true);
    await signIn("ops@example.cn");
    const upgraded = await scalar<string>("SELECT password_hash FROM accounts");
    expect(iterationsOf(upgraded)).toBe(100_000);
    expect(await verifyPassword(PASSWORD, upgraded)).toBe(true);
  });
});
