CREATE TABLE `unit_words` (
	`word` text NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`word`, `unit_id`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `unit_words_unit` ON `unit_words` (`unit_id`);