CREATE TABLE `code_attempts` (
	`id` integer PRIMARY KEY NOT NULL,
	`platform` text NOT NULL,
	`external_id` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `code_attempts_account` ON `code_attempts` (`platform`,`external_id`,`at`);--> statement-breakpoint
ALTER TABLE `link_codes` ADD `platform` text;