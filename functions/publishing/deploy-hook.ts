import type { Bindings } from "../env";

/**
 * Asks for the rebuild that takes a publication into the static pages: a POST to the
 * Workers Builds deploy hook of the production branch (DEPLOY_HOOK_URL, a secret).
 * Hooks fired again before the build starts are merged by Cloudflare, so every
 * publication may call it. Each call is recorded (deploy_requests) for the dashboard.
 * Without a hook (another host, or local), nothing is called: the Worker keeps serving
 * the newer editions on demand until someone runs the build.
 */
export async function requestRebuild(env: Bindings, seq: number): Promise<"sent" | "failed" | "not-configured"> {
  let status: "sent" | "failed" | "not-configured" = "not-configured";
  let detail: string | null = null;
  if (env.DEPLOY_HOOK_URL) {
    try {
      const res = await fetch(env.DEPLOY_HOOK_URL, { method: "POST", signal: AbortSignal.timeout(10_000) });
      status = res.ok ? "sent" : "failed";
      detail = `HTTP ${res.status}`;
      await res.body?.cancel();
    } catch (error) {
      status = "failed";
      detail = String((error as Error)?.name ?? error).slice(0, 200);
    }
  }
  await env.DB.prepare("INSERT INTO deploy_requests (seq, status, detail) VALUES (?, ?, ?)")
    .bind(seq, status, detail)
    .run();
  if (status === "failed") console.error("publishing: deploy hook failed", detail);
  return status;
}

/** The last rebuild asked for, for the dashboard. */
export function lastRebuild(d1: D1Database) {
  return d1
    .prepare("SELECT seq, status, detail, created_at AS at FROM deploy_requests ORDER BY id DESC LIMIT 1")
    .first<{ seq: number; status: string; detail: string | null; at: string }>();
}

/** A rebuild for a change that is not a notice's (an event's status): it includes every publication so far. */
export async function requestSiteRebuild(env: Bindings): Promise<void> {
  const row = await env.DB.prepare("SELECT coalesce(max(publish_seq), 0) AS seq FROM notice_editions").first<{
    seq: number;
  }>();
  await requestRebuild(env, row?.seq ?? 0);
}
