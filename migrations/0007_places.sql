CREATE TABLE `cooperative_certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cooperative_id` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`number` text NOT NULL,
	`issuer` text NOT NULL,
	`valid_until` text NOT NULL,
	`image` text,
	`verified_at` text,
	`verified_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cooperative_certificates_valid_until" CHECK(length("cooperative_certificates"."valid_until") = 10)
);
--> statement-breakpoint
CREATE INDEX `cooperative_certificates_cooperative` ON `cooperative_certificates` (`cooperative_id`);--> statement-breakpoint
CREATE TABLE `cooperative_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cooperative_id` text NOT NULL,
	`image` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cooperative_photos_cooperative` ON `cooperative_photos` (`cooperative_id`);--> statement-breakpoint
ALTER TABLE `pickup_points` ADD `open_days` integer DEFAULT 127 NOT NULL;--> statement-breakpoint
ALTER TABLE `pickup_points` ADD `phone` text;