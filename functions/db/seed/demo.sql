-- Demo data for the local portal only (scripts/seed-local.mjs refuses anything
-- but the local database). Idempotent: running it twice changes nothing.
INSERT INTO campsites (slug, name_zh, name_en) VALUES
  ('gajian-lawn', '嘎尖草坪露营基地', 'Gajian Lawn Camping Base'),
  ('pear-valley', '梨花谷河畔营地', 'Pear Valley Riverside Camp')
ON CONFLICT (slug) DO NOTHING;

INSERT INTO unit_types (id, campsite_id, name_zh, name_en, capacity, max_guests, price_fen, min_nights, max_nights, booking_window_days, free_cancel_days, sort_order)
SELECT v.id, c.id, v.name_zh, v.name_en, v.capacity, v.max_guests, v.price_fen, v.min_nights, v.max_nights, v.window, v.free_cancel, v.sort_order
FROM (
  SELECT 'gajian-byo-tent' AS id, 'gajian-lawn' AS site, '自带帐篷营位' AS name_zh, 'Bring-your-own-tent pitch' AS name_en, 40 AS capacity, 4 AS max_guests, 8000 AS price_fen, 1 AS min_nights, 7 AS max_nights, 90 AS window, 2 AS free_cancel, 1 AS sort_order
  UNION ALL SELECT 'gajian-furnished-tent', 'gajian-lawn', '拎包入住帐篷', 'Pre-pitched tent with bedding', 12, 3, 32800, 1, 5, 90, 3, 2
  UNION ALL SELECT 'gajian-campervan', 'gajian-lawn', '房车营位（含水电）', 'Campervan pitch with power and water', 8, 6, 18000, 1, 7, 120, 2, 3
  UNION ALL SELECT 'pear-valley-pitch', 'pear-valley', '河畔草地营位', 'Riverside grass pitch', 20, 4, 6000, 1, 4, 60, 1, 1
  UNION ALL SELECT 'pear-valley-cabin', 'pear-valley', '梨园木屋', 'Orchard cabin', 4, 4, 48800, 2, 5, 90, 7, 2
) AS v
JOIN campsites c ON c.slug = v.site
WHERE true
ON CONFLICT (id) DO NOTHING;
