CREATE TABLE `deploy_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seq` integer NOT NULL,
	`status` text NOT NULL,
	`detail` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notice_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`key` text NOT NULL,
	`type` text NOT NULL,
	`bytes` integer NOT NULL,
	`uploaded_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`slug`) REFERENCES `notice_slugs`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notice_attachments_key_unique` ON `notice_attachments` (`key`);--> statement-breakpoint
CREATE INDEX `notice_attachments_slug` ON `notice_attachments` (`slug`);--> statement-breakpoint
CREATE TABLE `notice_editions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`lang` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`data` text NOT NULL,
	`body` text NOT NULL,
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
	FOREIGN KEY (`slug`) REFERENCES `notice_slugs`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notice_editions_status" CHECK("notice_editions"."status" IN ('draft', 'submitted', 'returned', 'scheduled', 'published', 'superseded')),
	CONSTRAINT "notice_editions_lang" CHECK("notice_editions"."lang" IN ('zh-CN', 'en')),
	CONSTRAINT "notice_editions_second_person" CHECK("notice_editions"."reviewer_id" IS NULL OR "notice_editions"."reviewer_id" <> "notice_editions"."author_id" OR "notice_editions"."force_reason" IS NOT NULL),
	CONSTRAINT "notice_editions_published_numbered" CHECK(("notice_editions"."status" IN ('published', 'superseded')) = ("notice_editions"."publish_seq" IS NOT NULL)),
	CONSTRAINT "notice_editions_scheduled" CHECK("notice_editions"."status" <> 'scheduled' OR "notice_editions"."publish_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notice_editions_publish_seq_unique` ON `notice_editions` (`publish_seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `notice_editions_one_published` ON `notice_editions` (`slug`,`lang`) WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX `notice_editions_one_open` ON `notice_editions` (`slug`,`lang`) WHERE status IN ('draft', 'submitted', 'returned', 'scheduled');--> statement-breakpoint
CREATE INDEX `notice_editions_status` ON `notice_editions` (`status`,`publish_at`);--> statement-breakpoint
CREATE TABLE `notice_index_serials` (
	`prefix` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`prefix`, `year`),
	CONSTRAINT "notice_index_serials_range" CHECK("notice_index_serials"."last" BETWEEN 1 AND 99999)
);
--> statement-breakpoint
CREATE TABLE `notice_slugs` (
	`slug` text PRIMARY KEY NOT NULL,
	`agency` text NOT NULL,
	`index_number` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notice_slugs_index_number_unique` ON `notice_slugs` (`index_number`);--> statement-breakpoint
CREATE INDEX `notice_slugs_agency` ON `notice_slugs` (`agency`);