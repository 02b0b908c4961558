CREATE TYPE "public"."candidate_source" AS ENUM('referral', 'job_board', 'agency', 'direct', 'ats_import');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('open', 'investigating', 'pending_decision', 'escalated', 'cleared');--> statement-breakpoint
CREATE TYPE "public"."check_result" AS ENUM('pass', 'fail', 'not_done');--> statement-breakpoint
CREATE TYPE "public"."confidence" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TYPE "public"."identifier_kind" AS ENUM('email', 'phone', 'ip', 'name', 'wallet', 'address', 'linkedin', 'github', 'device', 'resume_hash', 'photo_hash');--> statement-breakpoint
CREATE TYPE "public"."interview_kind" AS ENUM('recruiter_screen', 'technical', 'system_design', 'behavioral', 'final');--> statement-breakpoint
CREATE TYPE "public"."interview_outcome" AS ENUM('advance', 'hold', 'reject', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."proofing_check" AS ENUM('live_id_with_face', 'local_knowledge', 'hand_over_face', 'camera_to_window', 'consistent_voice', 'reference_images_kept', 'references_called_independently', 'equipment_to_id_address');--> statement-breakpoint
CREATE TYPE "public"."region" AS ENUM('NA', 'EU', 'UK', 'APAC', 'LATAM', 'MEA');--> statement-breakpoint
CREATE TYPE "public"."risk_band" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('recruiter', 'lead', 'cso', 'exec', 'admin');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_email" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"case_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "case_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"code" text NOT NULL,
	"evidence" text NOT NULL,
	"observed_by_id" uuid,
	"observed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"claimed_name" text NOT NULL,
	"resume_name" text NOT NULL,
	"job_role" text NOT NULL,
	"region" "region" NOT NULL,
	"source" "candidate_source" NOT NULL,
	"status" "case_status" DEFAULT 'open' NOT NULL,
	"risk_score" integer DEFAULT 0 NOT NULL,
	"risk_band" "risk_band" DEFAULT 'low' NOT NULL,
	"risk_explanation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"assignee_id" uuid,
	"submitted_by_id" uuid NOT NULL,
	"submitted_for_decision_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "cases_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"rationale" text NOT NULL,
	"risk_score" integer NOT NULL,
	"risk_explanation" jsonb NOT NULL,
	"two_person_rule_waived" boolean DEFAULT false NOT NULL,
	"decided_by_id" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identifiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "identifier_kind" NOT NULL,
	"value" text NOT NULL,
	"normalized" text NOT NULL,
	"source" text NOT NULL,
	"added_by_id" uuid,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_catalog" (
	"code" text PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"severity" "severity" NOT NULL,
	"title" text NOT NULL,
	"guidance" text NOT NULL,
	"sources" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"kind" "interview_kind" NOT NULL,
	"interviewer" text NOT NULL,
	"name_used" text NOT NULL,
	"observations" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"outcome" "interview_outcome" NOT NULL,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proofing_checks" (
	"case_id" uuid NOT NULL,
	"check" "proofing_check" NOT NULL,
	"result" "check_result" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"checked_by_id" uuid,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proofing_checks_case_id_check_pk" PRIMARY KEY("case_id","check")
);
--> statement-breakpoint
CREATE TABLE "public_incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"occurred_on" date NOT NULL,
	"usd_millions_low" numeric NOT NULL,
	"usd_millions_high" numeric NOT NULL,
	"victim" text NOT NULL,
	"victim_country" text NOT NULL,
	"region" text NOT NULL,
	"vector" text NOT NULL,
	"vector_detail" text NOT NULL,
	"attribution" text NOT NULL,
	"confidence" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "watchlist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "identifier_kind" NOT NULL,
	"value" text NOT NULL,
	"normalized" text NOT NULL,
	"list" text DEFAULT 'block' NOT NULL,
	"source" text NOT NULL,
	"confidence" "confidence" NOT NULL,
	"expires_at" timestamp with time zone,
	"false_positive" boolean DEFAULT false NOT NULL,
	"source_case_id" uuid,
	"added_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "yearly_totals" (
	"year" integer NOT NULL,
	"period" text NOT NULL,
	"source" text NOT NULL,
	"usd_millions" numeric NOT NULL,
	"incidents" integer,
	"basis" text NOT NULL,
	"confidence" text NOT NULL,
	CONSTRAINT "yearly_totals_year_source_pk" PRIMARY KEY("year","source")
);
--> statement-breakpoint
ALTER TABLE "case_indicators" ADD CONSTRAINT "case_indicators_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_indicators" ADD CONSTRAINT "case_indicators_code_indicator_catalog_code_fk" FOREIGN KEY ("code") REFERENCES "public"."indicator_catalog"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_indicators" ADD CONSTRAINT "case_indicators_observed_by_id_users_id_fk" FOREIGN KEY ("observed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_submitted_for_decision_by_id_users_id_fk" FOREIGN KEY ("submitted_for_decision_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifiers" ADD CONSTRAINT "identifiers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifiers" ADD CONSTRAINT "identifiers_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_rounds" ADD CONSTRAINT "interview_rounds_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_rounds" ADD CONSTRAINT "interview_rounds_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proofing_checks" ADD CONSTRAINT "proofing_checks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proofing_checks" ADD CONSTRAINT "proofing_checks_checked_by_id_users_id_fk" FOREIGN KEY ("checked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watchlist" ADD CONSTRAINT "watchlist_source_case_id_cases_id_fk" FOREIGN KEY ("source_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watchlist" ADD CONSTRAINT "watchlist_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_case_idx" ON "audit_log" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_email");--> statement-breakpoint
CREATE UNIQUE INDEX "case_indicators_case_code_idx" ON "case_indicators" USING btree ("case_id","code");--> statement-breakpoint
CREATE INDEX "case_indicators_code_idx" ON "case_indicators" USING btree ("code");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("status");--> statement-breakpoint
CREATE INDEX "cases_risk_idx" ON "cases" USING btree ("risk_score");--> statement-breakpoint
CREATE INDEX "cases_risk_band_idx" ON "cases" USING btree ("risk_band");--> statement-breakpoint
CREATE INDEX "cases_region_idx" ON "cases" USING btree ("region");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "cases_submitted_by_idx" ON "cases" USING btree ("submitted_by_id");--> statement-breakpoint
CREATE INDEX "cases_updated_idx" ON "cases" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "cases_claimed_name_idx" ON "cases" USING btree ("claimed_name");--> statement-breakpoint
CREATE INDEX "decisions_case_idx" ON "decisions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "decisions_decided_at_idx" ON "decisions" USING btree ("decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "identifiers_case_kind_value_idx" ON "identifiers" USING btree ("case_id","kind","normalized");--> statement-breakpoint
CREATE INDEX "identifiers_kind_normalized_idx" ON "identifiers" USING btree ("kind","normalized");--> statement-breakpoint
CREATE INDEX "interview_rounds_case_idx" ON "interview_rounds" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "notes_case_idx" ON "notes" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "watchlist_list_kind_normalized_idx" ON "watchlist" USING btree ("list","kind","normalized");--> statement-breakpoint
CREATE INDEX "watchlist_created_idx" ON "watchlist" USING btree ("created_at");