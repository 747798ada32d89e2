package ai.stratum.server.cdp.consent;

import ai.stratum.server.cdp.ingest.IncomingEvent;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Ingestion's part in consent, inside its transaction: first the statements of profiles the batch
 * merged move to their survivor, then each event's {@code context.consent} is recorded on the live
 * profile the event went to, stamped with the event's timestamp.
 */
@Singleton
public class EventConsent {

    private final ConsentRepository consent;

    EventConsent(ConsentRepository consent) {
        this.consent = consent;
    }

    /**
     * @param events        the stored events
     * @param eventProfiles the live profile of each event, in the same order
     * @param mergedInto    profiles the batch merged, to their survivor
     */
    public Mono<Void> record(Connection connection, TenantId tenant, UUID sourceId, List<IncomingEvent> events, List<UUID> eventProfiles,
                             Map<UUID, UUID> mergedInto) {
        List<Map.Entry<UUID, ConsentStatement>> statements = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent event = events.get(i);
            UUID profile = eventProfiles.get(i);
            ConsentCategories.read(event.context()).forEach((purpose, granted) -> statements.add(Map.entry(profile,
                    new ConsentStatement(purpose, granted, ConsentSource.EVENT, event.timestamp(), Optional.of(sourceId),
                            Optional.of(event.messageId()), Optional.empty()))));
        }
        return consent.moveMerged(connection, tenant, mergedInto)
                .then(consent.save(connection, tenant, NewestConsent.of(statements)))
                .then();
    }
}
