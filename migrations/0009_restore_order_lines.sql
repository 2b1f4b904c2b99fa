-- The order lines held by 0007_hold_order_lines.sql go back unchanged; the
-- foreign keys to orders and products are checked again as they are inserted.
INSERT INTO `order_lines` (`order_id`, `product_id`, `quantity`, `unit_price_fen`)
  SELECT `order_id`, `product_id`, `quantity`, `unit_price_fen` FROM `order_lines_held`;--> statement-breakpoint
DROP TABLE `order_lines_held`;
