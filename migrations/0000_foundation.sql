CREATE TABLE `campsites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campsites_slug_unique` ON `campsites` (`slug`);--> statement-breakpoint
CREATE TABLE `unit_types` (
	`id` text PRIMARY KEY NOT NULL,
	`campsite_id` integer NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`capacity` integer NOT NULL,
	`max_guests` integer NOT NULL,
	`price_fen` integer NOT NULL,
	`min_nights` integer DEFAULT 1 NOT NULL,
	`max_nights` integer DEFAULT 7 NOT NULL,
	`booking_window_days` integer DEFAULT 90 NOT NULL,
	`check_in_time` text DEFAULT '14:00' NOT NULL,
	`check_out_time` text DEFAULT '12:00' NOT NULL,
	`free_cancel_days` integer DEFAULT 2 NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`campsite_id`) REFERENCES `campsites`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "unit_types_capacity" CHECK("unit_types"."capacity" >= 0),
	CONSTRAINT "unit_types_guests" CHECK("unit_types"."max_guests" >= 1),
	CONSTRAINT "unit_types_price" CHECK("unit_types"."price_fen" >= 0),
	CONSTRAINT "unit_types_nights" CHECK("unit_types"."min_nights" >= 1 AND "unit_types"."max_nights" >= "unit_types"."min_nights")
);
--> statement-breakpoint
CREATE INDEX `unit_types_campsite` ON `unit_types` (`campsite_id`);