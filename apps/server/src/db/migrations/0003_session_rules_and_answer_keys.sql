ALTER TABLE "question_sets" ADD COLUMN "show_answers" text DEFAULT 'after_each_answer' NOT NULL;--> statement-breakpoint
ALTER TABLE "group_quiz_sessions" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "group_quiz_sessions" ADD COLUMN "late_until" timestamp (3) with time zone;