CREATE TABLE `broadcasts` (
	`id` integer PRIMARY KEY NOT NULL,
	`unit_id` integer NOT NULL,
	`text` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`confirmed_at` text,
	`recipients` integer DEFAULT 0 NOT NULL,
	`reported_at` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `chat_choices` (
	`platform` text NOT NULL,
	`chat_id` text NOT NULL,
	`choices` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`platform`, `chat_id`)
);
--> statement-breakpoint
CREATE TABLE `reminder_mutes` (
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`person_id`, `kind`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reminder_policies` (
	`unit_id` integer PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reminder_snoozes` (
	`person_id` integer NOT NULL,
	`ref` text NOT NULL,
	`until` text NOT NULL,
	PRIMARY KEY(`person_id`, `ref`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `task_done` (
	`task_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`done_at` text NOT NULL,
	`done_by` integer,
	PRIMARY KEY(`task_id`, `unit_id`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY NOT NULL,
	`unit_id` integer NOT NULL,
	`title` text NOT NULL,
	`due_on` text NOT NULL,
	`plan_id` integer,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tasks_unit` ON `tasks` (`unit_id`);--> statement-breakpoint
CREATE INDEX `tasks_due` ON `tasks` (`due_on`);