CREATE TABLE `event_editions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`versions` text NOT NULL,
	`change_note` text,
	`based_on` integer,
	`author_id` integer NOT NULL,
	`submitted_at` text,
	`reviewer_id` integer,
	`reviewed_at` text,
	`review_comment` text,
	`force_reason` text,
	`publish_at` text,
	`published_at` text,
	`publish_seq` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "event_editions_status" CHECK("event_editions"."status" IN ('draft', 'submitted', 'returned', 'scheduled', 'published', 'superseded')),
	CONSTRAINT "event_editions_second_person" CHECK("event_editions"."reviewer_id" IS NULL OR "event_editions"."reviewer_id" <> "event_editions"."author_id" OR "event_editions"."force_reason" IS NOT NULL),
	CONSTRAINT "event_editions_published_numbered" CHECK(("event_editions"."status" IN ('published', 'superseded')) = ("event_editions"."publish_seq" IS NOT NULL)),
	CONSTRAINT "event_editions_scheduled" CHECK("event_editions"."status" <> 'scheduled' OR "event_editions"."publish_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_editions_publish_seq_unique` ON `event_editions` (`publish_seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_editions_one_published` ON `event_editions` (`slug`) WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX `event_editions_one_open` ON `event_editions` (`slug`) WHERE status IN ('draft', 'submitted', 'returned', 'scheduled');--> statement-breakpoint
CREATE INDEX `event_editions_status` ON `event_editions` (`status`,`publish_at`);