CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`platform` text NOT NULL,
	`external_id` text NOT NULL,
	`chat_id` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_platform_external` ON `accounts` (`platform`,`external_id`);--> statement-breakpoint
CREATE INDEX `accounts_person` ON `accounts` (`person_id`);--> statement-breakpoint
CREATE TABLE `invites` (
	`code` text PRIMARY KEY NOT NULL,
	`unit_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`used_by` integer,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`used_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `invites_unit` ON `invites` (`unit_id`);--> statement-breakpoint
CREATE TABLE `ledger` (
	`id` integer PRIMARY KEY NOT NULL,
	`unit_id` integer NOT NULL,
	`event` text NOT NULL,
	`count` integer NOT NULL,
	`informal` integer DEFAULT false NOT NULL,
	`occurred_on` text NOT NULL,
	`period` text NOT NULL,
	`reporter_id` integer,
	`source` text NOT NULL,
	`note` text,
	`reverses` integer,
	`undone_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reporter_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_source_event` ON `ledger` (`source`,`event`,`unit_id`,`informal`);--> statement-breakpoint
CREATE INDEX `ledger_unit_period` ON `ledger` (`unit_id`,`period`);--> statement-breakpoint
CREATE INDEX `ledger_reporter` ON `ledger` (`reporter_id`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`locale` text DEFAULT 'vi' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `processed_updates` (
	`platform` text NOT NULL,
	`update_id` text NOT NULL,
	`received_at` text NOT NULL,
	PRIMARY KEY(`platform`, `update_id`)
);
--> statement-breakpoint
CREATE TABLE `roles` (
	`id` integer PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roles_person_unit_role` ON `roles` (`person_id`,`unit_id`,`role`);--> statement-breakpoint
CREATE INDEX `roles_unit` ON `roles` (`unit_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tallies` (
	`unit_id` integer NOT NULL,
	`period` text NOT NULL,
	`event` text NOT NULL,
	`total` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `period`, `event`)
);
--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY NOT NULL,
	`unit_id` integer NOT NULL,
	`metric` text NOT NULL,
	`period` text NOT NULL,
	`value` integer NOT NULL,
	`deadline` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "targets_value_nonnegative" CHECK("targets"."value" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_unit_metric_period` ON `targets` (`unit_id`,`metric`,`period`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` integer,
	`kind` text NOT NULL,
	`sector` text,
	`members` integer DEFAULT 0 NOT NULL,
	`workers` integer DEFAULT 0 NOT NULL,
	`path` text NOT NULL,
	`depth` integer NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_code` ON `units` (`code`);--> statement-breakpoint
CREATE INDEX `units_parent` ON `units` (`parent_id`);--> statement-breakpoint
CREATE INDEX `units_path` ON `units` (`path`);