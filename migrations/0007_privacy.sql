ALTER TABLE `bookings` ADD `erased_at` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `erased_at` text;