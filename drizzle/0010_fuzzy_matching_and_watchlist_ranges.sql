ALTER TYPE "public"."identifier_kind" ADD VALUE 'email_domain';--> statement-breakpoint
CREATE TABLE "match_keys" (
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"shown" text NOT NULL,
	CONSTRAINT "match_keys_kind_key_case_id_shown_pk" PRIMARY KEY("kind","key","case_id","shown")
);
--> statement-breakpoint
CREATE TABLE "resume_signatures" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"signature" integer[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "watchlist" ADD COLUMN "ip_range" "cidr";--> statement-breakpoint
ALTER TABLE "match_keys" ADD CONSTRAINT "match_keys_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resume_signatures" ADD CONSTRAINT "resume_signatures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_keys_case_idx" ON "match_keys" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "watchlist_ip_range_idx" ON "watchlist" USING gist ("ip_range" inet_ops);--> statement-breakpoint
-- Existing ip entries become /32 (or /128) networks, so one range query covers them all.
UPDATE "watchlist" SET "ip_range" = "normalized"::cidr WHERE "kind" = 'ip';