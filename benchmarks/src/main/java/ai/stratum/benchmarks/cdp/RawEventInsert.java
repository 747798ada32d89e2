package ai.stratum.benchmarks.cdp;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The baseline of the CDP ingestion benchmark: the {@code cdp_events} rows of a batch stored with
 * one multi-row INSERT in its own committed transaction, and nothing else: no deduplication, no
 * identity resolution, no profile written. The rows go into the same table, with its indexes and
 * keys, under a source of their own, as the server's role under row-level security; each row points
 * at the profile the server gave the same event when it ingested it, so that the baseline's profile
 * index entries and key checks spread over the profiles as ingestion's do.
 */
public final class RawEventInsert {

    private static final String INSERT = """
            INSERT INTO cdp_events (tenant_id, source_id, id, message_id, type, event, name, anonymous_id, user_id, profile_id,
                                    timestamp, original_timestamp, sent_at, received_at, properties, traits, context, integrations)
            SELECT ?, ?, u.id, u.message_id, u.type, u.event, u.name, u.anonymous_id, u.user_id, u.profile_id,
                   u.ts::timestamptz, u.ts::timestamptz, u.sent_at::timestamptz, u.received_at::timestamptz,
                   u.properties::jsonb, u.traits::jsonb, u.context::jsonb, '{}'::jsonb
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[])
                 AS u(id, message_id, type, event, name, anonymous_id, user_id, profile_id, ts, sent_at, received_at, properties,
                      traits, context)
            """;

    private static final String SCOPE = "SELECT set_config('role', 'stratum_app', false), set_config('stratum.tenant_id', ?, false), "
            + "set_config('stratum.system', 'off', false)";

    /** Time-ordered, as the server's event ids are. */
    private static final TimeBasedEpochGenerator EVENT_IDS = Generators.timeBasedEpochGenerator();

    private final UUID tenant;
    private final UUID source;

    private RawEventInsert(UUID tenant, UUID source) {
        this.tenant = tenant;
        this.source = source;
    }

    /** Creates the baseline's own source in {@code tenant}. */
    public static RawEventInsert prepare(Connection connection, UUID tenant) throws SQLException {
        UUID source = UUID.randomUUID();
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cdp_sources (tenant_id, id, name, kind, write_key_lookup, "
                + "write_key_hash) VALUES (?, ?, 'raw insert baseline', 'HTTP', ?, ?)")) {
            insert.setObject(1, tenant);
            insert.setObject(2, source);
            insert.setString(3, "raw" + HexFormat.of().formatHex(secret));
            insert.setBytes(4, secret);
            insert.executeUpdate();
        }
        return new RawEventInsert(tenant, source);
    }

    /**
     * Makes {@code connection} insert as the server does: as its role ({@code stratum_app}) in the
     * tenant's scope, so that row-level security checks every row.
     */
    public void scope(Connection connection) throws SQLException {
        try (PreparedStatement scope = connection.prepareStatement(SCOPE)) {
            scope.setString(1, tenant.toString());
            scope.executeQuery().close();
        }
    }

    /** The profile the server stored each of {@code messageIds} for, when it ingested them into {@code ingestSource}. */
    public Map<String, UUID> profilesOf(Connection connection, UUID ingestSource, List<String> messageIds) throws SQLException {
        Map<String, UUID> profiles = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT message_id, profile_id FROM cdp_events "
                + "WHERE tenant_id = ? AND source_id = ? AND message_id = ANY(?)")) {
            query.setObject(1, tenant);
            query.setObject(2, ingestSource);
            query.setArray(3, connection.createArrayOf("text", messageIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    profiles.put(rows.getString(1), rows.getObject(2, UUID.class));
                }
            }
        }
        return profiles;
    }

    public UUID source() {
        return source;
    }

    /**
     * The rows of {@code batch}, column by column, built before the timed insert as the server's statement
     * builds its arrays; each event's profile from {@code profiles} (by messageId).
     */
    public RawBatch rows(List<SdkEvent> batch, Instant receivedAt, Map<String, UUID> profiles) {
        return new RawBatch(
                batch.stream().map(event -> EVENT_IDS.generate()).toArray(UUID[]::new),
                texts(batch, SdkEvent::messageId),
                texts(batch, event -> event.type().toUpperCase(Locale.ROOT)),
                texts(batch, event -> event.type().equals("track") ? event.name().orElse(null) : null),
                texts(batch, event -> event.type().equals("track") ? null : event.name().orElse(null)),
                texts(batch, SdkEvent::anonymousId),
                texts(batch, event -> event.userId().orElse(null)),
                batch.stream().map(event -> profileOf(event, profiles)).toArray(UUID[]::new),
                texts(batch, event -> event.originalTimestamp().toString()),
                texts(batch, event -> event.sentAt().toString()),
                texts(batch, event -> receivedAt.toString()),
                texts(batch, event -> JsonText.of(event.properties())),
                texts(batch, event -> JsonText.of(event.traits())),
                texts(batch, event -> JsonText.of(event.context())));
    }

    /** Inserts {@code rows} in one statement; {@code connection} commits each statement (auto-commit). */
    public void insert(Connection connection, RawBatch rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, tenant);
            insert.setObject(2, source);
            Object[][] columns = rows.columns();
            for (int i = 0; i < columns.length; i++) {
                insert.setArray(3 + i, connection.createArrayOf(columns[i] instanceof UUID[] ? "uuid" : "text", columns[i]));
            }
            insert.executeUpdate();
        }
    }

    private static UUID profileOf(SdkEvent event, Map<String, UUID> profiles) {
        UUID profile = profiles.get(event.messageId());
        if (profile == null) {
            throw new IllegalStateException("the server stored no event with messageId " + event.messageId() + " to take its profile from");
        }
        return profile;
    }

    private static String[] texts(List<SdkEvent> batch, Function<SdkEvent, String> field) {
        return batch.stream().map(field).toArray(String[]::new);
    }

    /** A batch's column arrays, in the order of the INSERT's unnest. */
    public record RawBatch(UUID[] ids, String[] messageIds, String[] types, String[] events, String[] names, String[] anonymousIds,
                           String[] userIds, UUID[] profiles, String[] timestamps, String[] sentAts, String[] receivedAts,
                           String[] properties, String[] traits, String[] contexts) {

        Object[][] columns() {
            return new Object[][] {ids, messageIds, types, events, names, anonymousIds, userIds, profiles, timestamps, sentAts, receivedAts,
                properties, traits, contexts};
        }

        public int size() {
            return ids.length;
        }
    }
}
