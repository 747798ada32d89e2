-- The time zone the account keeps its days in, as its plugin reported it at the connection's last
-- sync (SignalCollector.timeZone); NULL until then, or when the plugin does not say. Syncs end their
-- window on the account's today rather than the tenant's.
ALTER TABLE connections ADD COLUMN time_zone text CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64);
