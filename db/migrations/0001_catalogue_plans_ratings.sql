CREATE TABLE `metrics` (
	`key` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`events` text DEFAULT '[]' NOT NULL,
	`sector` text,
	`ratings` text DEFAULT '[]' NOT NULL,
	`builtin` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pending_imports` (
	`id` integer PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`settled_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`unit_id` integer NOT NULL,
	`issued_on` text,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_unit_number` ON `plans` (`unit_id`,`number`);--> statement-breakpoint
CREATE TABLE `unit_ratings` (
	`unit_id` integer NOT NULL,
	`year` text NOT NULL,
	`rating` text NOT NULL,
	PRIMARY KEY(`unit_id`, `year`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `targets` ADD `scope` text DEFAULT 'total' NOT NULL;--> statement-breakpoint
ALTER TABLE `targets` ADD `plan_id` integer;