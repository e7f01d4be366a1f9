ALTER TABLE "group_quiz_sessions" ADD COLUMN "occurrence_start" timestamp (3) with time zone;--> statement-breakpoint
UPDATE "group_quiz_sessions" SET "occurrence_start" = "scheduled_at" WHERE "series_id" IS NOT NULL;
