CREATE TABLE `activity_slots` (
	`id` text PRIMARY KEY NOT NULL,
	`event_slug` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`capacity` integer NOT NULL,
	`booked` integer DEFAULT 0 NOT NULL,
	`price_fen` integer DEFAULT 0 NOT NULL,
	`free_cancel_days` integer DEFAULT 1 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	CONSTRAINT "activity_slots_capacity" CHECK("activity_slots"."booked" >= 0 AND "activity_slots"."booked" <= "activity_slots"."capacity"),
	CONSTRAINT "activity_slots_price" CHECK("activity_slots"."price_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX `activity_slots_date` ON `activity_slots` (`date`);--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`token_hash` text NOT NULL,
	`unit_type_id` text,
	`slot_id` text,
	`check_in` text NOT NULL,
	`nights` integer DEFAULT 0 NOT NULL,
	`units` integer NOT NULL,
	`adults` integer NOT NULL,
	`children` integer DEFAULT 0 NOT NULL,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`contact_email` text,
	`notes` text,
	`lang` text DEFAULT 'zh-CN' NOT NULL,
	`status` text DEFAULT 'confirmed' NOT NULL,
	`total_fen` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	`cancelled_at` text,
	FOREIGN KEY (`unit_type_id`) REFERENCES `unit_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`slot_id`) REFERENCES `activity_slots`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bookings_target" CHECK(("bookings"."unit_type_id" IS NULL) <> ("bookings"."slot_id" IS NULL)),
	CONSTRAINT "bookings_units" CHECK("bookings"."units" >= 1),
	CONSTRAINT "bookings_status" CHECK("bookings"."status" IN ('confirmed', 'cancelled', 'checked_in', 'no_show'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_reference_unique` ON `bookings` (`reference`);--> statement-breakpoint
CREATE INDEX `bookings_unit_checkin` ON `bookings` (`unit_type_id`,`check_in`);--> statement-breakpoint
CREATE INDEX `bookings_slot` ON `bookings` (`slot_id`);--> statement-breakpoint
CREATE TABLE `closures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_type_id` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`reason_zh` text DEFAULT '' NOT NULL,
	`reason_en` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`unit_type_id`) REFERENCES `unit_types`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "closures_range" CHECK("closures"."to_date" >= "closures"."from_date")
);
--> statement-breakpoint
CREATE INDEX `closures_unit` ON `closures` (`unit_type_id`,`from_date`);--> statement-breakpoint
CREATE TABLE `night_inventory` (
	`unit_type_id` text NOT NULL,
	`night` text NOT NULL,
	`capacity` integer NOT NULL,
	`booked` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`unit_type_id`, `night`),
	FOREIGN KEY (`unit_type_id`) REFERENCES `unit_types`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "night_inventory_capacity" CHECK("night_inventory"."booked" >= 0 AND "night_inventory"."booked" <= "night_inventory"."capacity")
);
--> statement-breakpoint
CREATE TABLE `write_guards` (
	`ok` integer NOT NULL,
	CONSTRAINT "write_guard" CHECK("write_guards"."ok" = 1)
);
