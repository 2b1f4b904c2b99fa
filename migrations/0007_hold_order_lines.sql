-- Rebuilding `products` (next migration) drops the old table, and D1 enforces
-- foreign keys during migrations even with PRAGMA foreign_keys=OFF: order lines
-- pointing at products would make that DROP fail. They wait here, without a
-- foreign key, and 0009_restore_order_lines.sql puts every one of them back.
CREATE TABLE `order_lines_held` AS SELECT `order_id`, `product_id`, `quantity`, `unit_price_fen` FROM `order_lines`;--> statement-breakpoint
DELETE FROM `order_lines`;
