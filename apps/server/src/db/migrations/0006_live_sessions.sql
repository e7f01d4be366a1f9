CREATE TABLE "session_live_states" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"phase" text DEFAULT 'lobby' NOT NULL,
	"question_index" integer,
	"opened_at" timestamp (3) with time zone,
	"deadline" timestamp (3) with time zone,
	"paused_remaining_ms" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "answered_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "group_quiz_sessions" ADD COLUMN "options" jsonb DEFAULT '{"scoring":"speed","shuffleQuestions":false,"shuffleOptions":false}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "group_quiz_sessions" ADD COLUMN "join_seq" serial NOT NULL;--> statement-breakpoint
ALTER TABLE "session_live_states" ADD CONSTRAINT "session_live_states_session_id_group_quiz_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."group_quiz_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "group_sessions_join_seq_unique" ON "group_quiz_sessions" USING btree ("join_seq");--> statement-breakpoint
UPDATE "attempts" SET "answered_count" = (SELECT count(*) FROM "answers" WHERE "answers"."attempt_id" = "attempts"."id");
