import { env } from "cloudflare:workers";
import { api } from "../../functions/api";

/** Call the API as the Worker would, against this test's isolated D1. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return Promise.resolve(api.request(path, init, env));
}

export async function seedCampsites(): Promise<void> {
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO campsites (slug, name_zh, name_en) VALUES ('gajian-lawn', '嘎尖草坪露营基地', 'Gajian Lawn')",
    ),
    env.DB.prepare(
      "INSERT INTO unit_types (id, campsite_id, name_zh, name_en, capacity, max_guests, price_fen) SELECT 'gajian-byo-tent', id, '自带帐篷营位', 'Bring-your-own-tent pitch', 3, 4, 8000 FROM campsites WHERE slug = 'gajian-lawn'",
    ),
  ]);
}
