CREATE TABLE `pending_reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`source` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`settled_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pending_reports_source` ON `pending_reports` (`source`);--> statement-breakpoint
CREATE INDEX `pending_reports_person` ON `pending_reports` (`person_id`);