CREATE TABLE "case_counts" (
	"status" "case_status" NOT NULL,
	"region" "region" NOT NULL,
	"risk_band" "risk_band" NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "case_counts_status_region_risk_band_pk" PRIMARY KEY("status","region","risk_band")
);
--> statement-breakpoint
DROP INDEX "cases_status_idx";--> statement-breakpoint
DROP INDEX "cases_risk_idx";--> statement-breakpoint
DROP INDEX "cases_updated_idx";--> statement-breakpoint
CREATE INDEX "cases_list_updated_idx" ON "cases" USING btree ("updated_at","reference");--> statement-breakpoint
CREATE INDEX "cases_list_risk_idx" ON "cases" USING btree ("risk_score","reference");--> statement-breakpoint
CREATE INDEX "cases_list_status_idx" ON "cases" USING btree ("status","reference");--> statement-breakpoint
CREATE INDEX "cases_list_name_idx" ON "cases" USING btree (lower("claimed_name"),"reference");--> statement-breakpoint
CREATE INDEX "cases_list_status_updated_idx" ON "cases" USING btree ("status","updated_at","reference");--> statement-breakpoint
CREATE INDEX "cases_list_status_risk_idx" ON "cases" USING btree ("status","risk_score","reference");--> statement-breakpoint
CREATE INDEX "cases_trends_idx" ON "cases" USING btree ("created_at","status","region");