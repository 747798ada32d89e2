package ai.stratum.server.cdp.privacy;

import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.IdentifierNormalizer;
import ai.stratum.server.cdp.identity.IdentifierType;
import ai.stratum.server.cdp.ingest.IncomingEvent;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The hashed identifiers of erased people ({@code cdp_suppressions}). An event carrying any of them
 * is about someone who asked to be forgotten: ingestion acknowledges it and does not store it, so
 * their profile is never rebuilt. Dropping beats storing it without identity: its properties and
 * context are free-form and would keep their personal data.
 */
@Singleton
public class SuppressionList {

    private final SuppressionKeys keys;

    SuppressionList(SuppressionKeys keys) {
        this.keys = keys;
    }

    /** The events that carry no suppressed identifier, in their order. */
    public Mono<List<IncomingEvent>> unsuppressed(Connection connection, TenantId tenant, List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return Mono.just(events);
        }
        return keys.find(connection, tenant)
                .flatMap(key -> {
                    List<Set<String>> hashes = events.stream().map(event -> hashes(key, identifiers(event))).toList();
                    Set<String> all = hashes.stream().flatMap(Set::stream).collect(Collectors.toSet());
                    return Sql.of(connection, "SELECT identifier_hash FROM cdp_suppressions WHERE tenant_id = $1 AND identifier_hash = ANY($2::bytea[])",
                                    tenant.value(), all.stream().map(hex -> ByteBuffer.wrap(HexFormat.of().parseHex(hex))).toArray(ByteBuffer[]::new))
                            .rows(row -> hex(row.get("identifier_hash", ByteBuffer.class)))
                            .collect(Collectors.toSet())
                            .map(suppressed -> {
                                List<IncomingEvent> kept = new ArrayList<>();
                                for (int i = 0; i < events.size(); i++) {
                                    if (hashes.get(i).stream().noneMatch(suppressed::contains)) {
                                        kept.add(events.get(i));
                                    }
                                }
                                return kept;
                            });
                })
                .defaultIfEmpty(events);
    }

    /** Suppresses {@code identifiers} from now on; already suppressed ones stay with their first erasure. */
    Mono<Long> add(Connection connection, TenantId tenant, byte[] key, UUID erasureId, Collection<Identifier> identifiers) {
        if (identifiers.isEmpty()) {
            return Mono.just(0L);
        }
        ByteBuffer[] hashes = identifiers.stream().map(identifier -> ByteBuffer.wrap(IdentifierHash.keyed(key, identifier)))
                .toArray(ByteBuffer[]::new);
        return Sql.of(connection, "INSERT INTO cdp_suppressions (tenant_id, identifier_hash, erasure_id) "
                        + "SELECT $1, h, $2 FROM unnest($3::bytea[]) AS h ON CONFLICT (tenant_id, identifier_hash) DO NOTHING",
                        tenant.value(), erasureId, hashes)
                .update();
    }

    /** What identifies the event's person: its identifiers, and an alias's previousId as either kind of id it can be. */
    private static Set<Identifier> identifiers(IncomingEvent event) {
        Set<Identifier> identifiers = new LinkedHashSet<>(event.identifiers());
        event.identity().previousId().ifPresent(previous -> {
            IdentifierNormalizer.normalize(IdentifierType.USER_ID, previous).ifPresent(identifiers::add);
            IdentifierNormalizer.normalize(IdentifierType.ANONYMOUS_ID, previous).ifPresent(identifiers::add);
        });
        return identifiers;
    }

    private static Set<String> hashes(byte[] key, Set<Identifier> identifiers) {
        return identifiers.stream().map(identifier -> HexFormat.of().formatHex(IdentifierHash.keyed(key, identifier)))
                .collect(Collectors.toSet());
    }

    private static String hex(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
