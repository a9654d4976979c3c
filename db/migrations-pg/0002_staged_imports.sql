ALTER TABLE "pending_imports" ADD COLUMN "staged" text COLLATE "C";--> statement-breakpoint
ALTER TABLE "pending_imports" ADD COLUMN "applied_rows" integer;