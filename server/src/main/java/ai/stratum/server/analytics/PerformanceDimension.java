package ai.stratum.server.analytics;

/**
 * What performance rows are grouped by. An account belongs to a platform and a campaign to an
 * account, so each level carries the levels above it: account ids are unique only within a
 * platform, campaign ids only within a platform too.
 */
public enum PerformanceDimension {
    PLATFORM,
    ACCOUNT,
    CAMPAIGN,
    DATE
}
