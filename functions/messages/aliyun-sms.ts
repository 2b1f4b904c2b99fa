import type { Bindings } from "../env";

/**
 * Aliyun SMS (dysmsapi SendSms, API version 2017-05-25), called in the RPC style
 * with signature method v1: the parameters sorted by name and percent-encoded
 * (RFC 3986: space is %20, `~` stays) into a canonical query; the string to sign is
 * `POST&%2F&` + that query encoded once more; the signature is Base64 of HMAC-SHA1
 * keyed with the AccessKey secret followed by `&`. The parameters go in a form body,
 * so phone numbers stay out of request logs.
 */
export interface SmsConfig {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  endpoint: string;
  /** Template codes by `kind:lang`, e.g. "recovery:zh-CN". */
  templates: Record<string, string>;
}

const DEFAULT_ENDPOINT = "https://dysmsapi.aliyuncs.com/";
/** A provider that keeps the connection open longer than this is treated as not having answered. */
const TIMEOUT_MS = 10_000;

type SmsEnv = Pick<
  Bindings,
  | "ALIYUN_SMS_ACCESS_KEY_ID"
  | "ALIYUN_SMS_ACCESS_KEY_SECRET"
  | "ALIYUN_SMS_SIGN_NAME"
  | "ALIYUN_SMS_TEMPLATES"
  | "ALIYUN_SMS_ENDPOINT"
>;

/** The configured provider, or null when any of key pair, sign name and templates is missing. */
export function smsConfig(env: SmsEnv): SmsConfig | null {
  const { ALIYUN_SMS_ACCESS_KEY_ID: id, ALIYUN_SMS_ACCESS_KEY_SECRET: secret, ALIYUN_SMS_SIGN_NAME: sign } = env;
  if (!id || !secret || !sign) return null;
  let templates: Record<string, string> = {};
  try {
    const parsed: unknown = JSON.parse(env.ALIYUN_SMS_TEMPLATES ?? "{}");
    if (parsed && typeof parsed === "object") templates = parsed as Record<string, string>;
  } catch {
    console.error("ALIYUN_SMS_TEMPLATES is not JSON: no SMS is sent");
  }
  if (Object.keys(templates).length === 0) return null;
  return {
    accessKeyId: id,
    accessKeySecret: secret,
    signName: sign,
    endpoint: env.ALIYUN_SMS_ENDPOINT || DEFAULT_ENDPOINT,
    templates,
  };
}

/** Whether messages of this kind and language would go out by SMS. */
export function canSend(env: SmsEnv, kind: string, lang: string): boolean {
  return Boolean(smsConfig(env)?.templates[`${kind}:${lang}`]);
}

function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? "")}`)
    .join("&");
}

async function rpcSignature(method: string, params: Record<string, string>, secret: string): Promise<string> {
  const toSign = `${method}&${percentEncode("/")}&${percentEncode(canonicalQuery(params))}`;
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", enc.encode(`${secret}&`), { name: "HMAC", hash: "SHA-1" }, false, [
    "sign",
  ]);
  const sig = new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode(toSign)));
  return btoa(String.fromCharCode(...sig));
}

export interface Sms {
  phone: string;
  template: string;
  values: Record<string, string>;
  /** Our id for the message, echoed in Aliyun's delivery reports. */
  outId: string;
}

/**
 * The provider's answer: accepted with its id (BizId), or refused with its code.
 * Throws when there was no answer (network error, timeout): the caller cannot
 * know whether the text went out.
 */
export type SmsOutcome = { accepted: true; id: string } | { accepted: false; reason: string };

export async function sendSms(config: SmsConfig, sms: Sms): Promise<SmsOutcome> {
  const params: Record<string, string> = {
    AccessKeyId: config.accessKeyId,
    Action: "SendSms",
    Format: "JSON",
    OutId: sms.outId,
    PhoneNumbers: sms.phone,
    RegionId: "cn-hangzhou",
    SignName: config.signName,
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: crypto.randomUUID(),
    SignatureVersion: "1.0",
    TemplateCode: sms.template,
    TemplateParam: JSON.stringify(sms.values),
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    Version: "2017-05-25",
  };
  const signature = await rpcSignature("POST", params, config.accessKeySecret);
  const res = await fetch(config.endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: `${canonicalQuery(params)}&Signature=${percentEncode(signature)}`,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await res.text();
  let body: { Code?: string; Message?: string; BizId?: string } = {};
  try {
    body = JSON.parse(text);
  } catch {
    return { accepted: false, reason: `HTTP ${res.status}: ${text.slice(0, 200)}` };
  }
  if (res.ok && body.Code === "OK") return { accepted: true, id: body.BizId ?? "" };
  return { accepted: false, reason: `${body.Code ?? `HTTP ${res.status}`}: ${body.Message ?? ""}`.slice(0, 500) };
}
