CREATE TABLE `cooperatives` (
	`id` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`credit_code` text NOT NULL,
	`township_zh` text NOT NULL,
	`township_en` text NOT NULL,
	`village_zh` text NOT NULL,
	`village_en` text NOT NULL,
	`description_zh` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`verified` integer DEFAULT false NOT NULL,
	`certifications` text DEFAULT '[]' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "cooperatives_credit_code" CHECK(length("cooperatives"."credit_code") = 18)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cooperatives_credit_code_unique` ON `cooperatives` (`credit_code`);--> statement-breakpoint
CREATE TABLE `order_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`status` text NOT NULL,
	`actor` text NOT NULL,
	`note` text,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_events_status_known" CHECK("order_events"."status" IN ('placed', 'confirmed', 'ready', 'shipped', 'completed', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX `order_events_order` ON `order_events` (`order_id`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`order_id` integer NOT NULL,
	`product_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_fen` integer NOT NULL,
	PRIMARY KEY(`order_id`, `product_id`),
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_lines_quantity" CHECK("order_lines"."quantity" BETWEEN 1 AND 99)
);
--> statement-breakpoint
CREATE INDEX `order_lines_product` ON `order_lines` (`product_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`token_hash` text NOT NULL,
	`checkout` text NOT NULL,
	`cooperative_id` text NOT NULL,
	`status` text DEFAULT 'placed' NOT NULL,
	`total_fen` integer NOT NULL,
	`fulfilment` text NOT NULL,
	`pickup_point_id` text,
	`province` text,
	`city` text,
	`district` text,
	`address_line` text,
	`postcode` text,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`contact_email` text,
	`notes` text,
	`cancel_reason` text,
	`lang` text DEFAULT 'zh-CN' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pickup_point_id`) REFERENCES `pickup_points`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "orders_status_known" CHECK("orders"."status" IN ('placed', 'confirmed', 'ready', 'shipped', 'completed', 'cancelled')),
	CONSTRAINT "orders_total" CHECK("orders"."total_fen" >= 0),
	CONSTRAINT "orders_fulfilment" CHECK(("orders"."fulfilment" = 'pickup' AND "orders"."pickup_point_id" IS NOT NULL AND "orders"."address_line" IS NULL)
        OR ("orders"."fulfilment" = 'delivery' AND "orders"."pickup_point_id" IS NULL AND "orders"."address_line" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_reference_unique` ON `orders` (`reference`);--> statement-breakpoint
CREATE INDEX `orders_checkout` ON `orders` (`checkout`);--> statement-breakpoint
CREATE INDEX `orders_cooperative_status` ON `orders` (`cooperative_id`,`status`);--> statement-breakpoint
CREATE TABLE `pickup_points` (
	`id` text PRIMARY KEY NOT NULL,
	`cooperative_id` text,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`address_zh` text NOT NULL,
	`address_en` text NOT NULL,
	`hours_zh` text NOT NULL,
	`hours_en` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pickup_points_cooperative` ON `pickup_points` (`cooperative_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`cooperative_id` text NOT NULL,
	`category` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`description_zh` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`unit_zh` text NOT NULL,
	`unit_en` text NOT NULL,
	`price_fen` integer NOT NULL,
	`stock` integer DEFAULT 0 NOT NULL,
	`season_months` integer DEFAULT 4095 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`image` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "products_stock" CHECK("products"."stock" >= 0),
	CONSTRAINT "products_price" CHECK("products"."price_fen" > 0),
	CONSTRAINT "products_season" CHECK("products"."season_months" BETWEEN 1 AND 4095),
	CONSTRAINT "products_category_known" CHECK("products"."category" IN ('fresh-fruit', 'pear-syrup', 'pear-wine', 'dried-candied', 'beverages', 'spices', 'vegetables'))
);
--> statement-breakpoint
CREATE INDEX `products_cooperative` ON `products` (`cooperative_id`);--> statement-breakpoint
CREATE INDEX `products_category` ON `products` (`category`);