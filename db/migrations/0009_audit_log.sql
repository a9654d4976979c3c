CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`person_id` integer,
	`platform` text NOT NULL,
	`account` text,
	`kind` text NOT NULL,
	`unit_id` integer,
	`unit_path` text,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_unit_path` ON `audit_log` (`unit_path`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
-- Written by hand (drizzle-kit knows no triggers): the log is append-only in the database itself, not only in its repository.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
