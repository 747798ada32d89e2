-- Exchange rates for reporting every tenant's performance in the tenant's currency, and an index
-- for the date-range reads of daily performance that analytics makes.
--
-- Rates are market data, not tenant data: one table for all tenants, without tenant_id and without
-- row-level security (every tenant reads the same EUR/USD rate of a day). The application role may
-- read and write it; the service lets only a SUPER_ADMIN write, and records who did in the audit
-- trail. A row says: on `date`, 1 unit of `base_currency` was worth `rate` units of
-- `quote_currency`, according to `source`.

CREATE TABLE fx_rates (
    base_currency  char(3)     NOT NULL CHECK (base_currency ~ '^[A-Z]{3}$'),
    quote_currency char(3)     NOT NULL CHECK (quote_currency ~ '^[A-Z]{3}$'),
    date           date        NOT NULL,
    rate           numeric     NOT NULL CHECK (rate > 0),
    source         text        NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
    fetched_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (base_currency, quote_currency, date),
    CHECK (base_currency <> quote_currency)
);

GRANT SELECT, INSERT, UPDATE ON fx_rates TO stratum_app;

-- The primary key (tenant_id, platform, campaign_id, date) serves one campaign's days; analytics
-- reads all of a tenant's campaigns of some platforms over a date range.
CREATE INDEX campaign_daily_performance_platform_date ON campaign_daily_performance (tenant_id, platform, date);
