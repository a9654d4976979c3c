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
CREATE TABLE `member_consents` (
	`id` integer PRIMARY KEY NOT NULL,
	`unit_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`notice` text NOT NULL,
	`confirmed_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_consents_unit` ON `member_consents` (`unit_id`);--> statement-breakpoint
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
CREATE INDEX `member_invites_member` ON `member_invites` (`member_id`);--> statement-breakpoint
CREATE TABLE `member_lists` (
	`id` integer PRIMARY KEY NOT NULL,
	`unit_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` text,
	`reason` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_lists_unit_status` ON `member_lists` (`unit_id`,`status`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY NOT NULL,
	`unit_id` integer NOT NULL,
	`list_id` integer,
	`full_name` text,
	`gender` text,
	`id_hash` text,
	`id_number` text,
	`birth_date` text,
	`hometown` text,
	`ethnicity` text,
	`religion` text,
	`sensitive_consent_at` text,
	`joined_on` text NOT NULL,
	`card_number` text,
	`approval` text DEFAULT 'pending' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`status_on` text NOT NULL,
	`consent_id` integer,
	`created_by` integer,
	`created_at` text NOT NULL,
	`erased_at` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`list_id`) REFERENCES `member_lists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_id`) REFERENCES `member_consents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_id_hash` ON `members` (`id_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `members_card_number` ON `members` (`card_number`);--> statement-breakpoint
CREATE INDEX `members_unit` ON `members` (`unit_id`);--> statement-breakpoint
CREATE INDEX `members_list` ON `members` (`list_id`);