CREATE TABLE `web_link_attempts` (
	`id` integer PRIMARY KEY NOT NULL,
	`client_hash` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `web_link_attempts_client` ON `web_link_attempts` (`client_hash`,`at`);--> statement-breakpoint
CREATE TABLE `web_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `web_links_person` ON `web_links` (`person_id`);--> statement-breakpoint
CREATE TABLE `web_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `web_sessions_person` ON `web_sessions` (`person_id`);--> statement-breakpoint
CREATE INDEX `ledger_unit_day` ON `ledger` (`unit_id`,`occurred_on`);