package ai.stratum.server.cdp.privacy;

import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * What audience sync owes erased people: their platform hashes, to remove from every platform
 * audience on its next run. Audience sync reads {@link #pending}, removes them from each platform,
 * then calls {@link #cleared} for each erasure it finished, in its own transaction.
 */
@Singleton
public class AudienceRemovals {

    /**
     * One hash to remove.
     *
     * @param identifierType EMAIL or PHONE
     * @param sha256         lower-case hex of the SHA-256 of the normalized value (a phone once with and once without its '+')
     */
    public record Pending(UUID erasureId, String identifierType, String sha256) {
    }

    /** The hashes of every erasure whose audience removal is pending, oldest erasure first. */
    public Flux<Pending> pending(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT r.erasure_id, r.identifier_type, r.sha256 FROM cdp_erasures e JOIN cdp_audience_removals r "
                        + "ON r.tenant_id = e.tenant_id AND r.erasure_id = e.id WHERE e.tenant_id = $1 AND e.audiences_cleared_at IS NULL "
                        + "ORDER BY e.erased_at, e.id, r.identifier_type, r.sha256", tenant.value())
                .rows(row -> new Pending(row.get("erasure_id", UUID.class), row.get("identifier_type", String.class), row.get("sha256", String.class)));
    }

    /** Marks the erasure's audience removal done and forgets its hashes; false when it was not pending. */
    public Mono<Boolean> cleared(Connection connection, TenantId tenant, UUID erasureId) {
        return Sql.of(connection, "DELETE FROM cdp_audience_removals WHERE tenant_id = $1 AND erasure_id = $2", tenant.value(), erasureId)
                .update()
                .then(Sql.of(connection, "UPDATE cdp_erasures SET audiences_cleared_at = now() WHERE tenant_id = $1 AND id = $2 "
                        + "AND audiences_cleared_at IS NULL", tenant.value(), erasureId).update())
                .map(updated -> updated > 0);
    }
}
