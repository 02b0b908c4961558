CREATE TABLE "network_summaries" (
	"network_id" uuid PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"max_risk" integer NOT NULL,
	"member_references" text[] NOT NULL,
	"member_statuses" "case_status"[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX "network_summaries_rank_idx" ON "network_summaries" USING btree ("size" DESC NULLS LAST,"max_risk" DESC NULLS LAST,"network_id");--> statement-breakpoint
-- Keeps network_summaries in step with cases, in the same transaction as the change. A
-- statement-level trigger recomputes the networks a statement touched (a member joined,
-- left, or changed its risk, status or reference) from their members, found by
-- cases_network_idx: the work is the size of those networks, never the whole table. Every
-- writer of cases holds lockCaseGraph (lib/cases/commands.ts) until it commits, so two
-- transactions never recompute one network from different snapshots.
CREATE FUNCTION network_summaries_refresh(touched uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM network_summaries WHERE network_id = ANY(touched);
  INSERT INTO network_summaries (network_id, size, max_risk, member_references, member_statuses)
  SELECT network_id, count(*)::int, max(risk_score)::int, array_agg(reference ORDER BY reference), array_agg(status ORDER BY reference)
  FROM cases WHERE network_id = ANY(touched) GROUP BY network_id;
$$;
--> statement-breakpoint
-- The networks a statement touched: those its new or removed rows belong to, and for an
-- update only rows whose network, risk, status or reference changed (not a version bump), a
-- case that moved touching both its old and its new network.
CREATE FUNCTION network_summaries_after_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE touched uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT network_id) INTO touched FROM new_rows WHERE network_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT network_id) INTO touched FROM old_rows WHERE network_id IS NOT NULL;
  ELSE
    SELECT array_agg(DISTINCT moved.network_id) INTO touched
    FROM new_rows n
    JOIN old_rows o ON o.id = n.id
    CROSS JOIN LATERAL (VALUES (n.network_id), (o.network_id)) AS moved(network_id)
    WHERE moved.network_id IS NOT NULL
      AND (n.network_id, n.risk_score, n.status, n.reference) IS DISTINCT FROM (o.network_id, o.risk_score, o.status, o.reference);
  END IF;
  IF touched IS NOT NULL THEN PERFORM network_summaries_refresh(touched); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER network_summaries_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION network_summaries_after_change();
--> statement-breakpoint
CREATE TRIGGER network_summaries_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION network_summaries_after_change();
--> statement-breakpoint
CREATE TRIGGER network_summaries_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION network_summaries_after_change();
--> statement-breakpoint
-- Existing networks (a database that predates the summaries).
SELECT network_summaries_refresh(array_agg(DISTINCT network_id)) FROM cases WHERE network_id IS NOT NULL;
