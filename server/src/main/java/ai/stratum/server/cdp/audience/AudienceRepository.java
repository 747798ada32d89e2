package ai.stratum.server.cdp.audience;

import ai.stratum.plugin.api.IdentifierType;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.connectors.AccountConnection;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** SQL of the audience sync: its audiences, the hashes they hold, its runs, and what a segment's members make of them. */
@Singleton
class AudienceRepository {

    /** A run still RUNNING this long after it started was cut short by a stopped server; a new request may start over. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private static final String RUN_COLUMNS = "id, segment_id, connection_id, platform, account_id, status, eligible, without_consent, "
            + "added, removed, received, invalid, uploaded_count, matched_count, error, started_at, finished_at";
    private static final String AUDIENCE_COLUMNS = "a.id, a.segment_id, a.connection_id, a.platform, a.account_id, a.identifier_type, "
            + "a.name, a.platform_audience_id, a.uploaded_count, a.matched_count, a.match_measured_at, a.last_synced_at, "
            + "(SELECT count(*) FROM cdp_audience_members m WHERE m.tenant_id = a.tenant_id AND m.audience_id = a.id) AS size";

    /** The segment's name; empty when the tenant has no such segment. */
    Mono<String> segmentName(Connection connection, TenantId tenant, UUID segmentId) {
        return Sql.of(connection, "SELECT name FROM cdp_segments WHERE tenant_id = $1 AND id = $2", tenant.value(), segmentId)
                .row(row -> row.get("name", String.class));
    }

    /**
     * Starts a run for the segment on the account, unless one is running: then that one is the answer.
     * A run abandoned by a stopped server is closed as FAILED first.
     */
    Mono<Start> start(Connection connection, TenantId tenant, UUID segmentId, AccountConnection account, UUID requestedBy,
                                Instant now) {
        return Sql.of(connection, """
                        UPDATE cdp_audience_syncs SET status = 'FAILED', finished_at = $4,
                            error = 'Interrupted: the server stopped during the sync; the next sync sends what is missing'
                        WHERE tenant_id = $1 AND segment_id = $2 AND connection_id = $3 AND status = 'RUNNING' AND started_at < $5
                        """, tenant.value(), segmentId, account.id(), utc(now), utc(now.minus(ABANDONED_AFTER)))
                .update()
                .then(Sql.of(connection, """
                                INSERT INTO cdp_audience_syncs (tenant_id, segment_id, connection_id, platform, account_id, status,
                                                                requested_by, started_at)
                                VALUES ($1, $2, $3, $4, $5, 'RUNNING', $6, $7)
                                ON CONFLICT (tenant_id, segment_id, connection_id) WHERE status = 'RUNNING' DO NOTHING
                                RETURNING\s""" + RUN_COLUMNS,
                        tenant.value(), segmentId, account.id(), account.platform().name(), account.accountId(), requestedBy, utc(now))
                        .row(row -> new Start(run(row), true)))
                .switchIfEmpty(Mono.defer(() -> Sql.of(connection, "SELECT " + RUN_COLUMNS + " FROM cdp_audience_syncs "
                                + "WHERE tenant_id = $1 AND segment_id = $2 AND connection_id = $3 AND status = 'RUNNING'",
                        tenant.value(), segmentId, account.id()).row(row -> new Start(run(row), false))));
    }

    Mono<AudienceSyncRun> run(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "SELECT " + RUN_COLUMNS + " FROM cdp_audience_syncs WHERE tenant_id = $1 AND id = $2",
                tenant.value(), id).row(AudienceRepository::run);
    }

    /** The segment's runs, newest first. */
    Flux<AudienceSyncRun> runs(Connection connection, TenantId tenant, UUID segmentId, int limit) {
        return Sql.of(connection, "SELECT " + RUN_COLUMNS + " FROM cdp_audience_syncs WHERE tenant_id = $1 AND segment_id = $2 "
                + "ORDER BY started_at DESC, id LIMIT $3", tenant.value(), segmentId, limit).rows(AudienceRepository::run);
    }

    Mono<Long> finish(Connection connection, TenantId tenant, UUID runId, RunTally tally, AudienceSyncStatus status, String error,
                      Instant now) {
        return Sql.of(connection, """
                        UPDATE cdp_audience_syncs SET status = $3, eligible = $4, without_consent = $5, added = $6, removed = $7,
                            received = $8, invalid = $9, uploaded_count = $10, matched_count = $11, error = $12, finished_at = $13
                        WHERE tenant_id = $1 AND id = $2 AND status = 'RUNNING'
                        """, tenant.value(), runId, status.name(), tally.eligible(), tally.withoutConsent(), tally.added(),
                tally.removed(), tally.received(), tally.invalid(), Sql.nullable(tally.uploadedCount(), Long.class),
                Sql.nullable(tally.matchedCount(), Long.class), Sql.nullable(error, String.class), utc(now)).update();
    }

    /** The segment's audience on the account for the key, made (not yet on the platform) when it is the first sync. */
    Mono<Audience> audience(Connection connection, TenantId tenant, UUID segmentId, AccountConnection account, AudienceKey key,
                            String name) {
        return Sql.of(connection, """
                        INSERT INTO cdp_audiences (tenant_id, segment_id, connection_id, platform, account_id, identifier_type, name)
                        VALUES ($1, $2, $3, $4, $5, $6, $7)
                        ON CONFLICT (tenant_id, segment_id, connection_id, identifier_type) DO NOTHING
                        """, tenant.value(), segmentId, account.id(), account.platform().name(), account.accountId(),
                        key.type().name(), name)
                .update()
                .then(Sql.of(connection, "SELECT " + AUDIENCE_COLUMNS + " FROM cdp_audiences a WHERE a.tenant_id = $1 "
                                + "AND a.segment_id = $2 AND a.connection_id = $3 AND a.identifier_type = $4",
                        tenant.value(), segmentId, account.id(), key.type().name()).row(AudienceRepository::audience));
    }

    Flux<Audience> audiences(Connection connection, TenantId tenant, UUID segmentId) {
        return Sql.of(connection, "SELECT " + AUDIENCE_COLUMNS + " FROM cdp_audiences a WHERE a.tenant_id = $1 AND a.segment_id = $2 "
                + "ORDER BY a.platform, a.account_id, a.identifier_type", tenant.value(), segmentId).rows(AudienceRepository::audience);
    }

    Mono<Long> created(Connection connection, TenantId tenant, UUID audienceId, String platformAudienceId) {
        return Sql.of(connection, "UPDATE cdp_audiences SET platform_audience_id = $3 WHERE tenant_id = $1 AND id = $2",
                tenant.value(), audienceId, platformAudienceId).update();
    }

    Mono<Long> synced(Connection connection, TenantId tenant, UUID audienceId, Long uploaded, Long matched, Instant measuredAt,
                      Instant now) {
        return Sql.of(connection, """
                        UPDATE cdp_audiences SET uploaded_count = coalesce($3, uploaded_count), matched_count = coalesce($4, matched_count),
                            match_measured_at = coalesce($5, match_measured_at), last_synced_at = $6
                        WHERE tenant_id = $1 AND id = $2
                        """, tenant.value(), audienceId, Sql.nullable(uploaded, Long.class), Sql.nullable(matched, Long.class),
                Sql.nullable(measuredAt == null ? null : utc(measuredAt), OffsetDateTime.class), utc(now)).update();
    }

    /** How many of the segment's members are left out for want of consent, and how many can be sent to the platform. */
    Mono<Eligibility> eligibility(Connection connection, TenantId tenant, UUID segmentId) {
        return Sql.of(connection, """
                        SELECT count(*) FILTER (WHERE NOT coalesce(c.granted, false)) AS without_consent,
                               count(*) FILTER (WHERE coalesce(c.granted, false) AND EXISTS (
                                   SELECT 1 FROM cdp_identifiers i
                                   WHERE i.tenant_id = m.tenant_id AND i.profile_id = m.profile_id
                                     AND (i.type = 'EMAIL' OR (i.type = 'PHONE' AND i.value LIKE '+%')))) AS eligible
                        FROM cdp_segment_members m
                        LEFT JOIN cdp_consent c ON c.tenant_id = m.tenant_id AND c.profile_id = m.profile_id AND c.purpose = 'ADVERTISING'
                        WHERE m.tenant_id = $1 AND m.segment_id = $2
                        """, tenant.value(), segmentId)
                .row(row -> new Eligibility(row.get("eligible", Long.class), row.get("without_consent", Long.class)));
    }

    /** The next hashes, in order, that the segment's consenting members have and the audience does not. */
    Flux<String> toAdd(Connection connection, TenantId tenant, UUID segmentId, UUID audienceId, AudienceKey key, int limit) {
        return Sql.of(connection, eligible(key) + """
                        SELECT e.sha256 FROM eligible e
                        WHERE NOT EXISTS (SELECT 1 FROM cdp_audience_members a
                                          WHERE a.tenant_id = $1 AND a.audience_id = $4 AND a.sha256 = e.sha256)
                        ORDER BY e.sha256 LIMIT $5
                        """, tenant.value(), segmentId, key.cdpType(), audienceId, limit)
                .rows(row -> row.get("sha256", String.class));
    }

    /** The next hashes, in order, that the audience holds and no consenting member of the segment has any more. */
    Flux<String> toRemove(Connection connection, TenantId tenant, UUID segmentId, UUID audienceId, AudienceKey key, int limit) {
        return Sql.of(connection, eligible(key) + """
                        SELECT a.sha256 FROM cdp_audience_members a
                        WHERE a.tenant_id = $1 AND a.audience_id = $4
                          AND NOT EXISTS (SELECT 1 FROM eligible e WHERE e.sha256 = a.sha256)
                        ORDER BY a.sha256 LIMIT $5
                        """, tenant.value(), segmentId, key.cdpType(), audienceId, limit)
                .rows(row -> row.get("sha256", String.class));
    }

    Mono<Long> added(Connection connection, TenantId tenant, UUID audienceId, List<String> hashes) {
        return Sql.of(connection, "INSERT INTO cdp_audience_members (tenant_id, audience_id, sha256) "
                        + "SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING",
                tenant.value(), audienceId, hashes.toArray(String[]::new)).update();
    }

    Mono<Long> removed(Connection connection, TenantId tenant, UUID audienceId, List<String> hashes) {
        return Sql.of(connection, "DELETE FROM cdp_audience_members WHERE tenant_id = $1 AND audience_id = $2 AND sha256 = ANY($3::text[])",
                tenant.value(), audienceId, hashes.toArray(String[]::new)).update();
    }

    /** What the platform matched of what was sent, which the CDP score reads. */
    Mono<Long> matchReport(Connection connection, TenantId tenant, Platform platform, long sent, long matched, Instant measuredAt) {
        return Sql.of(connection, """
                        INSERT INTO cdp_audience_match_reports (tenant_id, platform, measured_at, sent, matched)
                        VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING
                        """, tenant.value(), platform.name(), utc(measuredAt), sent, Math.min(sent, matched)).update();
    }

    /**
     * The distinct hashes of the segment's members with advertising consent, as the platform keys
     * the audience; $1 tenant, $2 segment, $3 the identity graph's type. The key's SQL is ours, never input.
     */
    private static String eligible(AudienceKey key) {
        return """
                WITH eligible AS (
                    SELECT DISTINCT encode(sha256(convert_to(%s, 'UTF8')), 'hex') AS sha256
                    FROM cdp_segment_members m
                    JOIN cdp_consent c ON c.tenant_id = m.tenant_id AND c.profile_id = m.profile_id
                                      AND c.purpose = 'ADVERTISING' AND c.granted
                    JOIN cdp_identifiers i ON i.tenant_id = m.tenant_id AND i.profile_id = m.profile_id AND i.type = $3
                    WHERE m.tenant_id = $1 AND m.segment_id = $2 AND %s)
                """.formatted(key.sqlHashInput(), key.sqlCondition());
    }

    private static AudienceSyncRun run(Readable row) {
        return new AudienceSyncRun(row.get("id", UUID.class), row.get("segment_id", UUID.class), row.get("connection_id", UUID.class),
                Platform.valueOf(row.get("platform", String.class)), row.get("account_id", String.class),
                AudienceSyncStatus.valueOf(row.get("status", String.class)), row.get("eligible", Long.class),
                row.get("without_consent", Long.class), row.get("added", Long.class), row.get("removed", Long.class),
                row.get("received", Long.class), row.get("invalid", Long.class), row.get("uploaded_count", Long.class),
                row.get("matched_count", Long.class), row.get("error", String.class), instant(row, "started_at"),
                instant(row, "finished_at"));
    }

    private static Audience audience(Readable row) {
        return new Audience(row.get("id", UUID.class), row.get("segment_id", UUID.class), row.get("connection_id", UUID.class),
                Platform.valueOf(row.get("platform", String.class)), row.get("account_id", String.class),
                IdentifierType.valueOf(row.get("identifier_type", String.class)), row.get("name", String.class),
                row.get("platform_audience_id", String.class), row.get("size", Long.class), row.get("uploaded_count", Long.class),
                row.get("matched_count", Long.class), instant(row, "match_measured_at"), instant(row, "last_synced_at"));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A run, and whether this request started it (or found it running). */
    record Start(AudienceSyncRun run, boolean fresh) {
    }

    /** Segment members that can be sent, and those left out for want of advertising consent. */
    record Eligibility(long eligible, long withoutConsent) {
    }
}
