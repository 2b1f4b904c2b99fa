CREATE TABLE `session_cancellations` (
	`slot_id` text PRIMARY KEY NOT NULL,
	`reason_zh` text NOT NULL,
	`reason_en` text NOT NULL,
	`cancelled_by` integer,
	`cancelled_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`slot_id`) REFERENCES `activity_slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `session_events` (
	`slug` text PRIMARY KEY NOT NULL,
	`title_zh` text DEFAULT '' NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`reason_zh` text DEFAULT '' NOT NULL,
	`reason_en` text DEFAULT '' NOT NULL,
	`managed_at` text,
	`managed_by` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`managed_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "session_events_status" CHECK("session_events"."status" IN ('scheduled', 'tentative', 'postponed', 'rescheduled', 'cancelled')),
	CONSTRAINT "session_events_managed" CHECK("session_events"."managed_at" IS NOT NULL OR "session_events"."managed_by" IS NULL)
);
