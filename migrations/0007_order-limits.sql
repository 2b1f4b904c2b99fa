ALTER TABLE `orders` ADD `cancel_code` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `phone_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `held` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `expires_at` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `source_address_hash` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `source_agent_hash` text;--> statement-breakpoint
CREATE INDEX `orders_phone_status` ON `orders` (`phone_key`,`status`);--> statement-breakpoint
CREATE INDEX `orders_status_expires` ON `orders` (`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `orders_source_address` ON `orders` (`source_address_hash`,`created_at`);