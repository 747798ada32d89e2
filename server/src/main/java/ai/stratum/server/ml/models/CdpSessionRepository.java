package ai.stratum.server.ml.models;

import ai.stratum.server.database.Sql;
import ai.stratum.server.ml.conversion.SessionEvent;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What conversion training reads of the customer data platform's {@code cdp_events}: each visitor's page,
 * screen and track events in time order, a merged profile's events counted as its survivor's (the CDP's
 * {@code merged_into} always names the live survivor), with the few properties and context fields that
 * sessions are built from.
 */
@Singleton
class CdpSessionRepository {

    Mono<Long> eventCount(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT count(*) AS n FROM cdp_events WHERE tenant_id = $1", tenant.value())
                .row(row -> row.get("n", Long.class));
    }

    /** @return one list per visitor, oldest event first */
    Flux<List<SessionEvent>> visitors(Connection connection, TenantId tenant, Instant since) {
        return Sql.of(connection, "SELECT coalesce(p.merged_into, e.profile_id)::text AS visitor, e.timestamp, e.type, e.event, "
                                + "e.properties->>'price' AS price, e.properties->>'quantity' AS quantity, "
                                + "e.context->'device'->>'type' AS device_type, e.context->>'userAgent' AS user_agent, "
                                + "e.context->'campaign'->>'medium' AS medium, "
                                + "coalesce(e.context->'page'->>'referrer', e.properties->>'referrer') AS referrer, "
                                + "coalesce(e.context->'page'->>'url', e.properties->>'url') AS url "
                                + "FROM cdp_events e JOIN cdp_profiles p ON p.tenant_id = e.tenant_id AND p.id = e.profile_id "
                                + "WHERE e.tenant_id = $1 AND e.timestamp >= $2 AND e.type IN ('PAGE', 'SCREEN', 'TRACK') "
                                + "ORDER BY visitor, e.timestamp, e.id",
                        tenant.value(), since.atOffset(java.time.ZoneOffset.UTC))
                .rows(CdpSessionRepository::event)
                .bufferUntilChanged(SessionEvent::profile);
    }

    private static SessionEvent event(Readable row) {
        return new SessionEvent(row.get("visitor", String.class), row.get("timestamp", OffsetDateTime.class).toInstant(),
                SessionEvent.Kind.valueOf(row.get("type", String.class)), row.get("event", String.class),
                number(row.get("price", String.class), 0), number(row.get("quantity", String.class), 1),
                row.get("device_type", String.class), row.get("user_agent", String.class), row.get("medium", String.class),
                row.get("referrer", String.class), row.get("url", String.class));
    }

    /** A JSON value read as text: a number, or the default when absent or not a number. */
    private static double number(String text, double absent) {
        if (text == null) {
            return absent;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return absent;
        }
    }
}
