PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_products` (
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
	CONSTRAINT "products_stock" CHECK("__new_products"."stock" >= 0),
	CONSTRAINT "products_price" CHECK("__new_products"."price_fen" > 0),
	CONSTRAINT "products_season" CHECK("__new_products"."season_months" BETWEEN 1 AND 4095)
);
--> statement-breakpoint
INSERT INTO `__new_products`("id", "cooperative_id", "category", "name_zh", "name_en", "description_zh", "description_en", "unit_zh", "unit_en", "price_fen", "stock", "season_months", "active", "image", "sort_order", "created_at") SELECT "id", "cooperative_id", "category", "name_zh", "name_en", "description_zh", "description_en", "unit_zh", "unit_en", "price_fen", "stock", "season_months", "active", "image", "sort_order", "created_at" FROM `products`;--> statement-breakpoint
DROP TABLE `products`;--> statement-breakpoint
ALTER TABLE `__new_products` RENAME TO `products`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `products_cooperative` ON `products` (`cooperative_id`);--> statement-breakpoint
CREATE INDEX `products_category` ON `products` (`category`);