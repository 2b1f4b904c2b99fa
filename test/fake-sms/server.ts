import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FAKE_SMS_KEY_PREFIX, FAKE_SMS_SECRET } from "./keys";

/**
 * A local stand-in for Aliyun's dysmsapi that speaks SendSms the way the real one
 * does: a form body, the RPC signature v1 checked against the secret of its
 * AccessKeyId (written here independently of the portal's code, with Node's
 * crypto), Timestamp within 15 minutes, every SignatureNonce used once, and
 * Aliyun's JSON answers and error codes. It keeps what it accepted, per
 * AccessKeyId, so parallel tests each read their own texts:
 *
 * - GET /__texts?key=ID -> [{ PhoneNumbers, SignName, TemplateCode, TemplateParam, OutId, BizId }]
 * - POST /__refuse?key=ID&times=N -> the next N sends with that key are refused
 *   (isv.BUSINESS_LIMIT_CONTROL), as Aliyun does when a phone gets too many texts.
 *
 * It also stands in for a Workers Builds deploy hook, which the portal POSTs after a
 * publication (functions/publishing/deploy-hook.ts): POST /__deploy-hook/ID answers as
 * Cloudflare does ({ success: true, result: { ... } }), /__deploy-hook-down/ID with a 503;
 * GET /__deploy-hooks?key=ID -> how many POSTs hook ID received.
 */

function percentEncode(v: string): string {
  return encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function expectedSignature(method: string, params: URLSearchParams, secret: string): string {
  const canonical = [...params.entries()]
    .filter(([k]) => k !== "Signature")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join("&");
  const toSign = `${method}&${percentEncode("/")}&${percentEncode(canonical)}`;
  return createHmac("sha1", `${secret}&`).update(toSign, "utf8").digest("base64");
}

export interface FakeText {
  PhoneNumbers: string;
  SignName: string;
  TemplateCode: string;
  TemplateParam: string;
  OutId: string;
  BizId: string;
}

export function startFakeSms(): Promise<{ url: string; server: Server }> {
  const texts = new Map<string, FakeText[]>();
  const refusals = new Map<string, number>();
  const nonces = new Set<string>();
  const hooks = new Map<string, number>();
  let counter = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const key = url.searchParams.get("key") ?? "";
      const hook = /^\/__deploy-hook(-down)?\/([\w-]+)$/.exec(url.pathname);
      if (hook && req.method === "POST") {
        if (hook[1]) return answer(503, { success: false, errors: [{ code: 503, message: "unavailable" }] });
        hooks.set(hook[2] ?? "", (hooks.get(hook[2] ?? "") ?? 0) + 1);
        return answer(200, { success: true, errors: [], messages: [], result: { build_uuid: `build-${++counter}` } });
      }
      if (url.pathname === "/__deploy-hooks") return answer(200, { posts: hooks.get(key) ?? 0 });
      if (url.pathname === "/__texts") return answer(200, texts.get(key) ?? []);
      if (url.pathname === "/__refuse") {
        refusals.set(key, Number(url.searchParams.get("times") ?? 1));
        return answer(200, { ok: true });
      }
      const requestId = `fake-${++counter}`;
      const params =
        req.method === "POST" ? new URLSearchParams(Buffer.concat(chunks).toString("utf8")) : url.searchParams;
      const id = params.get("AccessKeyId") ?? "";
      if (!id.startsWith(FAKE_SMS_KEY_PREFIX)) {
        return answer(404, {
          Code: "InvalidAccessKeyId.NotFound",
          Message: "Specified access key is not found.",
          RequestId: requestId,
        });
      }
      if (params.get("Signature") !== expectedSignature(req.method ?? "GET", params, FAKE_SMS_SECRET)) {
        return answer(400, {
          Code: "SignatureDoesNotMatch",
          Message: "Specified signature is not matched with our calculation.",
          RequestId: requestId,
        });
      }
      const stamp = Date.parse(params.get("Timestamp") ?? "");
      if (!/Z$/.test(params.get("Timestamp") ?? "") || !(Math.abs(Date.now() - stamp) < 15 * 60_000)) {
        return answer(400, {
          Code: "InvalidTimeStamp.Expired",
          Message: "Specified time stamp or date value is expired.",
          RequestId: requestId,
        });
      }
      const nonce = params.get("SignatureNonce") ?? "";
      if (!nonce || nonces.has(nonce)) {
        return answer(400, {
          Code: "SignatureNonceUsed",
          Message: "Specified signature nonce was used already.",
          RequestId: requestId,
        });
      }
      nonces.add(nonce);
      for (const p of ["PhoneNumbers", "SignName", "TemplateCode"]) {
        if (!params.get(p))
          return answer(400, { Code: "MissingParameter", Message: `${p} is mandatory.`, RequestId: requestId });
      }
      if (params.get("Action") !== "SendSms" || params.get("Version") !== "2017-05-25") {
        return answer(400, { Code: "InvalidAction", Message: "Specified api is not found.", RequestId: requestId });
      }
      const refuse = refusals.get(id) ?? 0;
      if (refuse > 0) {
        refusals.set(id, refuse - 1);
        return answer(200, {
          Code: "isv.BUSINESS_LIMIT_CONTROL",
          Message: "触发分钟级流控Permits:1",
          RequestId: requestId,
        });
      }
      const bizId = `${900000 + counter}^0`;
      const list = texts.get(id) ?? [];
      list.push({
        PhoneNumbers: params.get("PhoneNumbers") ?? "",
        SignName: params.get("SignName") ?? "",
        TemplateCode: params.get("TemplateCode") ?? "",
        TemplateParam: params.get("TemplateParam") ?? "",
        OutId: params.get("OutId") ?? "",
        BizId: bizId,
      });
      texts.set(id, list);
      answer(200, { Code: "OK", Message: "OK", BizId: bizId, RequestId: requestId });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, server });
    }),
  );
}
