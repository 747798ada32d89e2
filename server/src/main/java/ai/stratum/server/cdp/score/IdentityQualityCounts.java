package ai.stratum.server.cdp.score;

import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.IdentifierType;
import ai.stratum.server.cdp.ingest.IncomingEvent;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Counts, as events are stored, how many carried a strong identifier ({@code cdp_identity_daily}, per
 * UTC day of receipt): the events half of the CDP score, kept as it happens so the score never scans
 * events, and kept exact, from the identifiers ingestion normalized.
 */
@Singleton
public class IdentityQualityCounts {

    /**
     * Identifiers an ad platform can match a person on: e-mail, phone, and the tenant's own ids of
     * the person (a user id or an external id, what Meta's Conversions API calls external_id).
     * Anonymous ids and click ids identify a device or a click, not a person.
     */
    public static final Set<IdentifierType> STRONG = EnumSet.of(IdentifierType.USER_ID, IdentifierType.EMAIL, IdentifierType.PHONE,
            IdentifierType.EXTERNAL_ID);

    public static boolean strong(List<Identifier> identifiers) {
        return identifiers.stream().anyMatch(identifier -> STRONG.contains(identifier.type()));
    }

    public Mono<Long> count(Connection connection, TenantId tenant, List<IncomingEvent> events, Instant receivedAt) {
        if (events.isEmpty()) {
            return Mono.just(0L);
        }
        long strong = events.stream().filter(event -> strong(event.identifiers())).count();
        return Sql.of(connection, """
                        INSERT INTO cdp_identity_daily (tenant_id, day, events, events_with_strong_identifier) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (tenant_id, day) DO UPDATE SET events = cdp_identity_daily.events + EXCLUDED.events,
                            events_with_strong_identifier = cdp_identity_daily.events_with_strong_identifier + EXCLUDED.events_with_strong_identifier
                        """, tenant.value(), LocalDate.ofInstant(receivedAt, ZoneOffset.UTC), (long) events.size(), strong)
                .update();
    }
}
