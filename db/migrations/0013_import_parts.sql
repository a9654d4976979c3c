CREATE TABLE `pending_import_parts` (
	`import_id` integer NOT NULL,
	`part` integer NOT NULL,
	`body` text NOT NULL,
	PRIMARY KEY(`import_id`, `part`),
	FOREIGN KEY (`import_id`) REFERENCES `pending_imports`(`id`) ON UPDATE no action ON DELETE no action
);
