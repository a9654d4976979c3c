CREATE TABLE "pending_import_parts" (
	"import_id" integer NOT NULL,
	"part" integer NOT NULL,
	"body" text COLLATE "C" NOT NULL,
	CONSTRAINT "pending_import_parts_import_id_part_pk" PRIMARY KEY("import_id","part")
);
--> statement-breakpoint
ALTER TABLE "pending_import_parts" ADD CONSTRAINT "pending_import_parts_import_id_pending_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."pending_imports"("id") ON DELETE no action ON UPDATE no action;