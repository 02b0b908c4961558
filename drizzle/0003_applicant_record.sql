CREATE TABLE "case_resumes" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "case_resumes" ADD CONSTRAINT "case_resumes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_external_id_unique" UNIQUE("external_id");