package ai.stratum.server.cdp.ingest;

import ai.stratum.server.database.Sql;
import ai.stratum.server.graphql.PageCursor;
import ai.stratum.server.tenancy.TenantId;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** SQL for {@code cdp_events}. Runs on the connection of the caller's transaction. */
@Singleton
public class EventRepository {

    private static final String COLUMNS = "id, type, source_id, message_id, profile_id, event, name, anonymous_id, user_id, previous_id, "
            + "group_id, timestamp, original_timestamp, sent_at, received_at, properties, traits, context, integrations";
    /** $1 tenant, $2 source, $3 messageIds; public for the test of its plan. */
    public static final String EXISTING_MESSAGE_IDS = "SELECT e.message_id FROM unnest($3::text[]) AS k(message_id) CROSS JOIN LATERAL "
            + "(SELECT message_id FROM cdp_events WHERE tenant_id = $1 AND source_id = $2 AND message_id = k.message_id LIMIT 1) e";
    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);
    /**
     * Event ids are time-ordered (UUID version 7), so each new row's primary-key entry lands at the end
     * of the index instead of on a random page of it: at millions of events the index outgrows the
     * buffer cache, and random ids had every insert read and dirty a page of its own.
     */
    private static final TimeBasedEpochGenerator EVENT_IDS = Generators.timeBasedEpochGenerator();

    private final JsonMapper json;

    public EventRepository(JsonMapper json) {
        this.json = json;
    }

    /**
     * Which of {@code messageIds} the source already stored: one lookup in the unique key per
     * messageId. Written as {@code message_id = ANY($3)}, the plan PostgreSQL keeps for the prepared
     * statement read every event of the source, and each batch took longer than the one before it.
     * The lateral subquery with {@code LIMIT 1} (the key is unique) keeps it a nested loop over the key.
     */
    public Flux<String> existingMessageIds(Connection connection, TenantId tenant, UUID sourceId, Collection<String> messageIds) {
        return Sql.of(connection, EXISTING_MESSAGE_IDS, tenant.value(), sourceId, messageIds.toArray(String[]::new))
                .rows(row -> row.get("message_id", String.class));
    }

    /** Stores {@code events} of one source, each for the profile at the same position of {@code profiles}. */
    public Mono<Long> insert(Connection connection, TenantId tenant, UUID sourceId, List<IncomingEvent> events, List<UUID> profiles) {
        if (events.isEmpty()) {
            return Mono.just(0L);
        }
        return Sql.of(connection, """
                        INSERT INTO cdp_events (tenant_id, source_id, id, message_id, type, event, name, anonymous_id, user_id, previous_id,
                                                group_id, profile_id, timestamp, original_timestamp, sent_at, received_at, properties,
                                                traits, context, integrations)
                        SELECT $1, $2, u.id, u.message_id, u.type, u.event, u.name, u.anonymous_id, u.user_id, u.previous_id, u.group_id,
                               u.profile_id, u.ts::timestamptz, u.original_ts::timestamptz, u.sent_at::timestamptz,
                               u.received_at::timestamptz, u.properties::jsonb, u.traits::jsonb, u.context::jsonb, u.integrations::jsonb
                        FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                                    $11::text[], $12::uuid[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[],
                                    $19::text[], $20::text[])
                             AS u(id, message_id, type, event, name, anonymous_id, user_id, previous_id, group_id, profile_id, ts,
                                  original_ts, sent_at, received_at, properties, traits, context, integrations)
                        """,
                        tenant.value(), sourceId,
                        events.stream().map(event -> EVENT_IDS.generate()).toArray(UUID[]::new),
                        texts(events, IncomingEvent::messageId),
                        texts(events, event -> event.type().name()),
                        texts(events, event -> event.event().orElse(null)),
                        texts(events, event -> event.name().orElse(null)),
                        texts(events, event -> event.anonymousId().orElse(null)),
                        texts(events, event -> event.userId().orElse(null)),
                        texts(events, event -> event.previousId().orElse(null)),
                        texts(events, event -> event.groupId().orElse(null)),
                        profiles.toArray(UUID[]::new),
                        texts(events, event -> event.timestamp().toString()),
                        texts(events, event -> event.originalTimestamp().map(Object::toString).orElse(null)),
                        texts(events, event -> event.sentAt().map(Object::toString).orElse(null)),
                        texts(events, event -> event.receivedAt().toString()),
                        texts(events, event -> write(event.properties())),
                        texts(events, event -> write(event.traits())),
                        texts(events, event -> write(event.context())),
                        texts(events, event -> write(event.integrations())))
                .update();
    }

    /** Events of {@code profiles}, newest first (by timestamp, then id), after {@code after}; {@code limit} rows. */
    public Flux<StoredEvent> page(Connection connection, TenantId tenant, Collection<UUID> profiles, Optional<PageCursor> after, int limit) {
        UUID[] ids = profiles.toArray(UUID[]::new);
        if (after.isEmpty()) {
            return Sql.of(connection, "SELECT " + COLUMNS + " FROM cdp_events WHERE tenant_id = $1 AND profile_id = ANY($2::uuid[]) "
                    + "ORDER BY timestamp DESC, id DESC LIMIT $3", tenant.value(), ids, limit).rows(this::map);
        }
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM cdp_events WHERE tenant_id = $1 AND profile_id = ANY($2::uuid[]) "
                                + "AND (timestamp, id) < ($3, $4) ORDER BY timestamp DESC, id DESC LIMIT $5",
                        tenant.value(), ids, after.get().at().atOffset(ZoneOffset.UTC), after.get().id(), limit)
                .rows(this::map);
    }

    public Mono<Long> count(Connection connection, TenantId tenant, Collection<UUID> profiles) {
        return Sql.of(connection, "SELECT count(*) AS n FROM cdp_events WHERE tenant_id = $1 AND profile_id = ANY($2::uuid[])",
                        tenant.value(), profiles.toArray(UUID[]::new))
                .row(row -> row.get("n", Long.class));
    }

    /** Moves at most {@code limit} events of {@code merged} to {@code survivor}; how many it moved. */
    public Mono<Long> repoint(Connection connection, TenantId tenant, UUID merged, UUID survivor, int limit) {
        return Sql.of(connection, "UPDATE cdp_events SET profile_id = $3 WHERE tenant_id = $1 AND id IN "
                        + "(SELECT id FROM cdp_events WHERE tenant_id = $1 AND profile_id = $2 LIMIT $4)", tenant.value(), merged, survivor, limit)
                .update();
    }

    private static String[] texts(List<IncomingEvent> events, Function<IncomingEvent, String> field) {
        return events.stream().map(field).toArray(String[]::new);
    }

    private StoredEvent map(Readable row) {
        return new StoredEvent(
                row.get("id", UUID.class),
                EventType.valueOf(row.get("type", String.class)),
                row.get("source_id", UUID.class),
                row.get("message_id", String.class),
                row.get("profile_id", UUID.class),
                Optional.ofNullable(row.get("event", String.class)),
                Optional.ofNullable(row.get("name", String.class)),
                Optional.ofNullable(row.get("anonymous_id", String.class)),
                Optional.ofNullable(row.get("user_id", String.class)),
                Optional.ofNullable(row.get("previous_id", String.class)),
                Optional.ofNullable(row.get("group_id", String.class)),
                row.get("timestamp", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.get("original_timestamp", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(row.get("sent_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                row.get("received_at", OffsetDateTime.class).toInstant(),
                read(row.get("properties", Json.class)),
                read(row.get("traits", Json.class)),
                read(row.get("context", Json.class)),
                read(row.get("integrations", Json.class)));
    }

    private Map<String, Object> read(Json value) {
        try {
            return json.readValue(value.asString(), JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable jsonb in cdp_events", e);
        }
    }

    private String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
