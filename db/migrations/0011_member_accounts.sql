CREATE TABLE `member_accounts` (
	`platform` text NOT NULL,
	`external_id` text NOT NULL,
	`member_id` integer NOT NULL,
	`linked_at` text NOT NULL,
	PRIMARY KEY(`platform`, `external_id`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_accounts_member` ON `member_accounts` (`member_id`);--> statement-breakpoint
CREATE TABLE `member_invites` (
	`code` text PRIMARY KEY NOT NULL,
	`member_id` integer NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_invites_member` ON `member_invites` (`member_id`);