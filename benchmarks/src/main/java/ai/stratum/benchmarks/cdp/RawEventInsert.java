package ai.stratum.benchmarks.cdp;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * The baseline of the CDP ingestion benchmark: the {@code cdp_events} rows of a batch stored with
 * one multi-row INSERT in its own committed transaction, and nothing else: no deduplication, no
 * identity resolution, no profile. The rows go into the same table, with its indexes, keys and
 * foreign keys, under a source of their own; each points at one of the baseline's own {@value #PROFILES}
 * profiles (picked by anonymousId) because the table requires a profile.
 */
public final class RawEventInsert {

    public static final int PROFILES = 1024;

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

    private final UUID tenant;
    private final UUID source;
    private final UUID[] profiles;

    private RawEventInsert(UUID tenant, UUID source, UUID[] profiles) {
        this.tenant = tenant;
        this.source = source;
        this.profiles = profiles;
    }

    /** Creates the baseline's own source and profiles in {@code tenant} (as a database superuser, past row-level security). */
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
        List<UUID> profiles = new ArrayList<>(PROFILES);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cdp_profiles (tenant_id, id, created_at, updated_at, "
                + "lifecycle, first_seen_at, last_seen_at) SELECT ?, gen_random_uuid(), now(), now(), 'ANONYMOUS', now(), now() "
                + "FROM generate_series(1, ?) RETURNING id")) {
            insert.setObject(1, tenant);
            insert.setInt(2, PROFILES);
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    profiles.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return new RawEventInsert(tenant, source, profiles.toArray(UUID[]::new));
    }

    public UUID source() {
        return source;
    }

    /** The rows of {@code batch}, column by column, built before the timed insert as the server's statement builds its arrays. */
    public RawBatch rows(List<SdkEvent> batch, Instant receivedAt) {
        return new RawBatch(
                batch.stream().map(event -> UUID.randomUUID()).toArray(UUID[]::new),
                texts(batch, SdkEvent::messageId),
                texts(batch, event -> event.type().toUpperCase(Locale.ROOT)),
                texts(batch, event -> event.type().equals("track") ? event.name().orElse(null) : null),
                texts(batch, event -> event.type().equals("track") ? null : event.name().orElse(null)),
                texts(batch, SdkEvent::anonymousId),
                texts(batch, event -> event.userId().orElse(null)),
                batch.stream().map(this::profileOf).toArray(UUID[]::new),
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

    private UUID profileOf(SdkEvent event) {
        return profiles[Math.floorMod(event.anonymousId().hashCode(), profiles.length)];
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
