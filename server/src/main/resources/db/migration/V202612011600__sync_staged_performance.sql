-- The daily rows a running sync has read so far, page by page, before they replace the window's
-- rows of campaign_daily_performance in the sync's final transaction. A sync streams its pages in
-- here rather than holding the whole date range in memory; the final transaction moves the run's
-- rows across and deletes them, and a failed run's rows are deleted, so nothing partial is ever
-- visible in campaign_daily_performance.
--
-- UNLOGGED: rows here are only ever in flight (a crash fails the runs they belong to anyway), so
-- they need no write-ahead log, which halves the cost of staging them. No primary key or index: the
-- sync checks campaign-days for duplicates itself, and the table only ever holds the rows of runs
-- in progress, so reading or deleting one run's rows scans little.
CREATE UNLOGGED TABLE sync_staged_performance (
    tenant_id      uuid             NOT NULL,
    run_id         uuid             NOT NULL,
    campaign_id    text             NOT NULL,
    date           date             NOT NULL,
    spend_micros   bigint           NOT NULL,
    revenue_micros bigint           NOT NULL,
    conversions    double precision NOT NULL,
    impressions    bigint           NOT NULL,
    clicks         bigint           NOT NULL,
    currency       char(3)          NOT NULL
);

GRANT SELECT, INSERT, DELETE ON sync_staged_performance TO stratum_app;

ALTER TABLE sync_staged_performance ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_staged_performance FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sync_staged_performance
    USING (stratum_is_system() OR tenant_id = stratum_current_tenant())
    WITH CHECK (stratum_is_system() OR tenant_id = stratum_current_tenant());
