import type { Bindings } from "../env";
import { requestRebuild } from "./deploy-hook";
import { markPublished } from "./live";

/** After a publication's batch: the Worker learns its static pages are behind, and a rebuild is asked for. */
export async function deployAfter(env: Bindings, seq: number): Promise<void> {
  try {
    await markPublished(env, seq);
  } catch (error) {
    // The minute cron writes it again (live.ts syncPublishedSeq).
    console.error("publishing: KV not updated", String(error));
  }
  await requestRebuild(env, seq);
}
