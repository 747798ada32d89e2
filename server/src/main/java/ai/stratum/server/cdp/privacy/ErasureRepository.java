package ai.stratum.server.cdp.privacy;

import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.IdentifierType;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** SQL for {@code cdp_erasures} and the audience removals an erasure leaves for the next audience sync. */
@Singleton
class ErasureRepository {

    Mono<Long> insert(Connection connection, TenantId tenant, UUID erasureId, Person person, UUID requestedBy, long events) {
        return Sql.of(connection, "INSERT INTO cdp_erasures (tenant_id, id, profile_ids, requested_by, identifiers, events) "
                                + "VALUES ($1, $2, $3, $4, $5, $6)", tenant.value(), erasureId, person.profileIds().toArray(UUID[]::new),
                        requestedBy, person.identifiers().size(), events)
                .update();
    }

    /** Whether {@code profileId} was one of the profiles of an earlier erasure. */
    Mono<Boolean> erased(Connection connection, TenantId tenant, UUID profileId) {
        return Sql.of(connection, "SELECT EXISTS (SELECT 1 FROM cdp_erasures WHERE tenant_id = $1 AND profile_ids @> ARRAY[$2::uuid]) AS erased",
                        tenant.value(), profileId)
                .row(row -> row.get("erased", Boolean.class));
    }

    /**
     * What the next audience sync removes from every platform audience: the SHA-256 of each e-mail,
     * and of each phone with and without its '+' (platforms differ on it), as they would have been sent.
     */
    Mono<Long> addAudienceRemovals(Connection connection, TenantId tenant, UUID erasureId, Collection<Identifier> identifiers) {
        List<String> types = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (Identifier identifier : identifiers) {
            if (identifier.type() == IdentifierType.EMAIL || identifier.type() == IdentifierType.PHONE) {
                types.add(identifier.type().name());
                hashes.add(IdentifierHash.sha256Hex(identifier.value()));
            }
            if (identifier.type() == IdentifierType.PHONE && identifier.value().startsWith("+")) {
                types.add(identifier.type().name());
                hashes.add(IdentifierHash.sha256Hex(identifier.value().substring(1)));
            }
        }
        if (types.isEmpty()) {
            return Mono.just(0L);
        }
        return Sql.of(connection, "INSERT INTO cdp_audience_removals (tenant_id, erasure_id, identifier_type, sha256) "
                                + "SELECT $1, $2, u.type, u.sha256 FROM unnest($3::text[], $4::text[]) AS u(type, sha256) ON CONFLICT DO NOTHING",
                        tenant.value(), erasureId, types.toArray(String[]::new), hashes.toArray(String[]::new))
                .update();
    }
}
