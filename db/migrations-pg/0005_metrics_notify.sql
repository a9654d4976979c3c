-- Written by hand (drizzle-kit knows no triggers): every instance keeps the metric catalogue while it hears
-- this channel (db/pg/repositories/metrics.ts); a change to the table, by the bot or anyone else, tells them
-- all when it commits. One notice per statement is enough: the catalogue is read again whole.
CREATE FUNCTION "metrics_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('metrics_changed', '');
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "metrics_notify" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "metrics" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"();
