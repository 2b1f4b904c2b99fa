CREATE TABLE `cron_heartbeats` (
	`schedule` text PRIMARY KEY NOT NULL,
	`ran_at` text NOT NULL,
	`ok` integer NOT NULL,
	CONSTRAINT "cron_heartbeats_schedule" CHECK("cron_heartbeats"."schedule" IN ('minute', 'hourly'))
);
