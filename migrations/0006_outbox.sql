CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`kind` text NOT NULL,
	`lang` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`booking_id` integer,
	`order_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`due_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claimed_at` text,
	`sent_at` text,
	`provider_message_id` text,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outbox_channel" CHECK("outbox"."channel" IN ('sms', 'email')),
	CONSTRAINT "outbox_status" CHECK("outbox"."status" IN ('pending', 'sending', 'sent', 'failed', 'uncertain')),
	CONSTRAINT "outbox_attempts" CHECK("outbox"."attempts" >= 0)
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `outbox_booking` ON `outbox` (`booking_id`);--> statement-breakpoint
CREATE INDEX `outbox_order` ON `outbox` (`order_id`);--> statement-breakpoint
CREATE TABLE `recovery_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`phone_hash` text NOT NULL,
	`address_hash` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `recovery_requests_reference` ON `recovery_requests` (`reference`,`at`);--> statement-breakpoint
CREATE INDEX `recovery_requests_phone` ON `recovery_requests` (`phone_hash`,`at`);--> statement-breakpoint
CREATE INDEX `recovery_requests_address` ON `recovery_requests` (`address_hash`,`at`);