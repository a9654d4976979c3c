CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`person_id` integer,
	`platform` text NOT NULL,
	`chat_id` text NOT NULL,
	`chat_type` text DEFAULT 'private' NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`not_before` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`claimed_at` text,
	`sent_at` text,
	`broadcast_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_key` ON `outbox` (`key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`not_before`);--> statement-breakpoint
CREATE INDEX `outbox_broadcast` ON `outbox` (`broadcast_id`);