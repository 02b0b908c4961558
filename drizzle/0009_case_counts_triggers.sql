-- Keeps case_counts (cases per status, region and risk band) in step with cases, in the
-- same transaction as the change. Statement-level triggers with transition tables, so a
-- bulk load (COPY of 100k cases) adds its counts in one statement, not one per row.
CREATE FUNCTION case_counts_apply(delta_rows jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO case_counts (status, region, risk_band, count)
  SELECT (d->>'status')::case_status, (d->>'region')::region, (d->>'risk_band')::risk_band, (d->>'n')::int
  FROM jsonb_array_elements(delta_rows) AS d
  ON CONFLICT (status, region, risk_band) DO UPDATE SET count = case_counts.count + excluded.count;
$$;
--> statement-breakpoint
CREATE FUNCTION case_counts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM case_counts_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('status', status, 'region', region, 'risk_band', risk_band, 'n', n))
    FROM (SELECT status, region, risk_band, count(*) AS n FROM new_rows GROUP BY 1, 2, 3) g), '[]'::jsonb));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION case_counts_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM case_counts_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('status', status, 'region', region, 'risk_band', risk_band, 'n', -n))
    FROM (SELECT status, region, risk_band, count(*) AS n FROM old_rows GROUP BY 1, 2, 3) g), '[]'::jsonb));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION case_counts_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM case_counts_apply(coalesce((SELECT jsonb_agg(jsonb_build_object('status', status, 'region', region, 'risk_band', risk_band, 'n', n))
    FROM (SELECT status, region, risk_band, sum(n) AS n FROM (
      SELECT status, region, risk_band, 1 AS n FROM new_rows
      UNION ALL
      SELECT status, region, risk_band, -1 AS n FROM old_rows) moved
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0) g), '[]'::jsonb));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_counts_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_counts_after_insert();
--> statement-breakpoint
CREATE TRIGGER case_counts_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_counts_after_delete();
--> statement-breakpoint
CREATE TRIGGER case_counts_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_counts_after_update();
--> statement-breakpoint
-- Existing cases (a database that predates the counters).
INSERT INTO case_counts (status, region, risk_band, count)
SELECT status, region, risk_band, count(*)::int FROM cases GROUP BY 1, 2, 3
ON CONFLICT (status, region, risk_band) DO UPDATE SET count = excluded.count;
