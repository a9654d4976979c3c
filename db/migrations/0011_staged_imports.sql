ALTER TABLE `pending_imports` ADD `staged` text;--> statement-breakpoint
ALTER TABLE `pending_imports` ADD `applied_rows` integer;