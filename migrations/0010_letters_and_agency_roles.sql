-- Reviewed by hand before it landed (drizzle-kit wrote the rest):
-- Rebuilding `accounts` (its role CHECK gains editor and reviewer) drops the old table,
-- and D1 enforces foreign keys inside migrations even under PRAGMA foreign_keys=OFF. So
-- the rows that point at accounts wait in side tables without foreign keys and are put
-- back, unchanged, right after the rebuild: operators' campsites, sign-in sessions,
-- recovery codes, invitations, and the actor of each audit entry (the entries
-- themselves stay where they are; only their actor id is set aside and restored).
-- test/unit/migrations-keep-rows.test.ts runs this over a database with such rows.
CREATE TABLE `account_agencies` (
	`account_id` integer NOT NULL,
	`agency` text NOT NULL,
	PRIMARY KEY(`account_id`, `agency`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `account_agencies_agency` ON `account_agencies` (`agency`);--> statement-breakpoint
CREATE TABLE `letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`token_hash` text NOT NULL,
	`type` text NOT NULL,
	`subject` text NOT NULL,
	`message` text NOT NULL,
	`township` text,
	`agency_asked` text,
	`agency` text,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`email` text,
	`publish` integer NOT NULL,
	`lang` text NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`received_on` text NOT NULL,
	`due_by` text NOT NULL,
	`accepted_on` text,
	`extended_to` text,
	`extension_reason` text,
	`answered_on` text,
	`reply` text,
	`replied_by` integer,
	`reject_reason` text,
	`reject_note` text,
	`published_subject` text,
	`published_message` text,
	`published_reply` text,
	`published_on` text,
	`photo_key` text,
	`body_hash` text NOT NULL,
	`phone_hash` text NOT NULL,
	`address_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`erased_at` text,
	FOREIGN KEY (`replied_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "letters_type" CHECK("letters"."type" IN ('consultation', 'suggestion', 'complaint', 'help')),
	CONSTRAINT "letters_status" CHECK("letters"."status" IN ('received', 'accepted', 'answered', 'rejected')),
	CONSTRAINT "letters_reject_reason" CHECK("letters"."reject_reason" IS NULL OR "letters"."reject_reason" IN ('abusive', 'not-government', 'duplicate')),
	CONSTRAINT "letters_answered" CHECK(("letters"."status" = 'answered') = ("letters"."reply" IS NOT NULL)),
	CONSTRAINT "letters_assigned" CHECK("letters"."status" IN ('received', 'rejected') OR "letters"."agency" IS NOT NULL),
	CONSTRAINT "letters_published_consent" CHECK("letters"."published_on" IS NULL OR ("letters"."publish" = 1 AND "letters"."status" = 'answered'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `letters_reference_unique` ON `letters` (`reference`);--> statement-breakpoint
CREATE INDEX `letters_status` ON `letters` (`status`,`due_by`);--> statement-breakpoint
CREATE INDEX `letters_agency` ON `letters` (`agency`,`status`);--> statement-breakpoint
CREATE INDEX `letters_published` ON `letters` (`published_on`);--> statement-breakpoint
CREATE INDEX `letters_received` ON `letters` (`received_on`);--> statement-breakpoint
CREATE INDEX `letters_phone` ON `letters` (`phone_hash`,`received_on`);--> statement-breakpoint
CREATE INDEX `letters_address` ON `letters` (`address_hash`,`received_on`);--> statement-breakpoint
CREATE INDEX `letters_body` ON `letters` (`body_hash`);--> statement-breakpoint
CREATE TABLE `account_campsites_held` AS SELECT `account_id`, `campsite_id` FROM `account_campsites`;--> statement-breakpoint
DELETE FROM `account_campsites`;--> statement-breakpoint
CREATE TABLE `sessions_held` AS SELECT `token_hash`, `account_id`, `created_at`, `expires_at`, `last_seen_at`, `reauth_at` FROM `sessions`;--> statement-breakpoint
DELETE FROM `sessions`;--> statement-breakpoint
CREATE TABLE `recovery_codes_held` AS SELECT `id`, `account_id`, `code_hash`, `used_at` FROM `recovery_codes`;--> statement-breakpoint
DELETE FROM `recovery_codes`;--> statement-breakpoint
CREATE TABLE `invites_held` AS SELECT `reference`, `token_hash`, `account_id`, `created_by`, `expires_at`, `used_at`, `created_at` FROM `invites`;--> statement-breakpoint
DELETE FROM `invites`;--> statement-breakpoint
CREATE TABLE `audit_actors_held` AS SELECT `id`, `actor_id` FROM `audit_log` WHERE `actor_id` IS NOT NULL;--> statement-breakpoint
UPDATE `audit_log` SET `actor_id` = NULL WHERE `actor_id` IS NOT NULL;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`cooperative_id` text,
	`password_hash` text,
	`disabled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`totp_secret` text,
	`totp_pending` text,
	`totp_last_step` integer,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "accounts_role" CHECK("__new_accounts"."role" IN ('admin', 'operator', 'cooperative', 'editor', 'reviewer')),
	CONSTRAINT "accounts_cooperative" CHECK(("__new_accounts"."role" = 'cooperative') = ("__new_accounts"."cooperative_id" IS NOT NULL))
);
--> statement-breakpoint
INSERT INTO `__new_accounts`("id", "email", "name", "role", "cooperative_id", "password_hash", "disabled_at", "created_at", "totp_secret", "totp_pending", "totp_last_step") SELECT "id", "email", "name", "role", "cooperative_id", "password_hash", "disabled_at", "created_at", "totp_secret", "totp_pending", "totp_last_step" FROM `accounts`;--> statement-breakpoint
DROP TABLE `accounts`;--> statement-breakpoint
ALTER TABLE `__new_accounts` RENAME TO `accounts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_email_unique` ON `accounts` (`email`);--> statement-breakpoint
INSERT INTO `account_campsites` (`account_id`, `campsite_id`) SELECT `account_id`, `campsite_id` FROM `account_campsites_held`;--> statement-breakpoint
DROP TABLE `account_campsites_held`;--> statement-breakpoint
INSERT INTO `sessions` (`token_hash`, `account_id`, `created_at`, `expires_at`, `last_seen_at`, `reauth_at`)
  SELECT `token_hash`, `account_id`, `created_at`, `expires_at`, `last_seen_at`, `reauth_at` FROM `sessions_held`;--> statement-breakpoint
DROP TABLE `sessions_held`;--> statement-breakpoint
INSERT INTO `recovery_codes` (`id`, `account_id`, `code_hash`, `used_at`) SELECT `id`, `account_id`, `code_hash`, `used_at` FROM `recovery_codes_held`;--> statement-breakpoint
DROP TABLE `recovery_codes_held`;--> statement-breakpoint
INSERT INTO `invites` (`reference`, `token_hash`, `account_id`, `created_by`, `expires_at`, `used_at`, `created_at`)
  SELECT `reference`, `token_hash`, `account_id`, `created_by`, `expires_at`, `used_at`, `created_at` FROM `invites_held`;--> statement-breakpoint
DROP TABLE `invites_held`;--> statement-breakpoint
UPDATE `audit_log` SET `actor_id` = (SELECT h.`actor_id` FROM `audit_actors_held` h WHERE h.`id` = `audit_log`.`id`)
  WHERE `id` IN (SELECT `id` FROM `audit_actors_held`);--> statement-breakpoint
DROP TABLE `audit_actors_held`;--> statement-breakpoint
ALTER TABLE `outbox` ADD `letter_id` integer REFERENCES letters(id);--> statement-breakpoint
CREATE INDEX `outbox_letter` ON `outbox` (`letter_id`);