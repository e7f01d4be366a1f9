CREATE TABLE "group_quiz_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"session_type" text DEFAULT 'scheduled' NOT NULL,
	"status" text NOT NULL,
	"mode" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"loop_data" jsonb NOT NULL,
	"questions_data" jsonb NOT NULL,
	"extension_loop_id" text,
	"question_set_id" uuid NOT NULL,
	"share_token" text NOT NULL,
	"scheduled_at" timestamp (3) with time zone,
	"duration_minutes" integer NOT NULL,
	"ends_at" timestamp (3) with time zone,
	"started_at" timestamp (3) with time zone,
	"completed_at" timestamp (3) with time zone,
	"cancelled_at" timestamp (3) with time zone,
	"recurrence_rule" text,
	"series_id" uuid,
	"created_by" text NOT NULL,
	"approved_by" text,
	"ics_sequence" integer DEFAULT 0 NOT NULL,
	"reminded_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_session_participants" (
	"session_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"attempt_id" text NOT NULL,
	"joined_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp (3) with time zone,
	"late" boolean DEFAULT false NOT NULL,
	CONSTRAINT "group_session_participants_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "session_id" uuid;--> statement-breakpoint
ALTER TABLE "question_sets" ADD COLUMN "group_id" uuid;--> statement-breakpoint
ALTER TABLE "group_quiz_sessions" ADD CONSTRAINT "group_quiz_sessions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_quiz_sessions" ADD CONSTRAINT "group_quiz_sessions_question_set_id_question_sets_id_fk" FOREIGN KEY ("question_set_id") REFERENCES "public"."question_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_quiz_sessions" ADD CONSTRAINT "group_quiz_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_quiz_sessions" ADD CONSTRAINT "group_quiz_sessions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_session_participants" ADD CONSTRAINT "group_session_participants_session_id_group_quiz_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."group_quiz_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_session_participants" ADD CONSTRAINT "group_session_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_session_participants" ADD CONSTRAINT "group_session_participants_attempt_id_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_sessions_group_created_idx" ON "group_quiz_sessions" USING btree ("group_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "group_sessions_group_scheduled_idx" ON "group_quiz_sessions" USING btree ("group_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "group_sessions_status_idx" ON "group_quiz_sessions" USING btree ("status","scheduled_at");--> statement-breakpoint
CREATE INDEX "group_sessions_series_idx" ON "group_quiz_sessions" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "group_sessions_share_token_idx" ON "group_quiz_sessions" USING btree ("share_token");--> statement-breakpoint
ALTER TABLE "question_sets" ADD CONSTRAINT "question_sets_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attempts_one_per_session_member" ON "attempts" USING btree ("session_id","user_id") WHERE session_id is not null;