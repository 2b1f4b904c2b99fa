import { sha256Hex } from "./tokens";

/** What this needs of a Hono context: the Worker's variables and the request's headers. */
interface RequestContext {
  env?: { PORTAL_ENV?: string; TRUST_CLIENT_ADDRESS_HEADER?: string };
  req: { header(name: string): string | undefined };
}

/**
 * The address a limit or a throttle counts a request against.
 *
 * Only Cloudflare's edge overwrites CF-Connecting-IP; anywhere else (workerd on one
 * machine, miniflare) the client sends whatever it likes. So the header is believed in
 * production, or where a test or benchmark says so with TRUST_CLIENT_ADDRESS_HEADER=1 to
 * drive many addresses; otherwise every request counts as one local address.
 *
 * An IPv6 client usually holds a whole /64 and can pick any address inside it, so IPv6
 * addresses are grouped by their first 64 bits.
 */
export function clientAddress(c: RequestContext): string {
  const trusted = c.env?.PORTAL_ENV === "production" || c.env?.TRUST_CLIENT_ADDRESS_HEADER === "1";
  if (!trusted) return "local";
  const key = addressKey(c.req.header("cf-connecting-ip"));
  // Off Cloudflare, a request from this machine itself (a local server's own browser tests
  // and scripts, which the local server labels 127.0.0.1 or ::1) is the one local address.
  if (c.env?.PORTAL_ENV !== "production" && LOOPBACK.has(key)) return "local";
  return key;
}

const LOOPBACK = new Set(["127.0.0.1", "0:0:0:0::/64"]);

/** The key of one address: IPv4 as it is, IPv6 by its /64, anything unreadable as "unknown". */
export function addressKey(raw: string | undefined): string {
  const value = raw?.trim().toLowerCase() ?? "";
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return value;
  const groups = ipv6Groups(value);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : "unknown";
}

function ipv6Groups(value: string): string[] | null {
  if (!value.includes(":") || !/^[0-9a-f:.]+$/.test(value)) return null;
  const halves = value.split("::");
  if (halves.length > 2) return null;
  const part = (text: string) => (text === "" ? [] : text.split(":"));
  const head = part(halves[0] ?? "");
  const tail = part(halves[1] ?? "");
  // An IPv4 tail (::ffff:1.2.3.4) takes two groups; the /64 never reaches it.
  const last = tail.length > 0 ? tail[tail.length - 1] : head[head.length - 1];
  const width = last?.includes(".") ? 7 : 8;
  const missing = width - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (groups.slice(0, 4).some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => (g.includes(".") ? g : g.replace(/^0+(?=.)/, "")));
}

/**
 * What a booking or order stores of where it came from, so that staff can find and remove
 * a flood: salted hashes of the address key and of the browser's User-Agent, never the
 * values themselves (the salt is the token secret, so the hashes mean nothing elsewhere).
 */
export async function requestSource(
  c: RequestContext,
  secret: string,
): Promise<{ addressHash: string; agentHash: string }> {
  const agent = (c.req.header("user-agent") ?? "").slice(0, 512);
  const [addressHash, agentHash] = await Promise.all([
    sha256Hex(`${secret}:source-address:${clientAddress(c)}`),
    sha256Hex(`${secret}:source-agent:${agent}`),
  ]);
  return { addressHash, agentHash };
}
