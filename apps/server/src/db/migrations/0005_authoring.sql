CREATE TABLE "question_openings" (
	"attempt_id" text NOT NULL,
	"question_id" text NOT NULL,
	"opened_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "question_openings_attempt_id_question_id_pk" PRIMARY KEY("attempt_id","question_id")
);
--> statement-breakpoint
ALTER TABLE "question_sets" ADD COLUMN "max_attempts" integer;--> statement-breakpoint
ALTER TABLE "question_sets" ADD COLUMN "disabled_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "question_openings" ADD CONSTRAINT "question_openings_attempt_id_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempts"("id") ON DELETE cascade ON UPDATE no action;