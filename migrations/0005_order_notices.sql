CREATE TABLE `order_notices` (
	`order_id` integer PRIMARY KEY NOT NULL,
	`claimed_at` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`sent_at` text,
	`recipients` text,
	`message_id` text,
	`last_error` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_notices_attempts" CHECK("order_notices"."attempts" >= 0)
);
