package ai.stratum.server.cdp.privacy;

import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * What audience sync owes erased people: their platform hashes, to remove from every platform
 * audience on its next run. An erased person's identifiers are gone, so each audience's next sync
 * removes their hashes; after each run {@link #settle} closes what no audience holds any more.
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

    /**
     * Settles what erasures left for audience sync, after a sync run: a removal that no audience of
     * the tenant holds any more ({@code cdp_audience_members}) is done, and an erasure with none left
     * has its audiences cleared. A removal whose hash was never sent anywhere is done at once.
     *
     * @return the erasures cleared
     */
    public Mono<Long> settle(Connection connection, TenantId tenant, Instant now) {
        return Sql.of(connection, """
                        DELETE FROM cdp_audience_removals r
                        WHERE r.tenant_id = $1
                          AND NOT EXISTS (SELECT 1 FROM cdp_audience_members a WHERE a.tenant_id = r.tenant_id AND a.sha256 = r.sha256)
                        """, tenant.value()).update()
                .then(Sql.of(connection, """
                        UPDATE cdp_erasures e SET audiences_cleared_at = $2
                        WHERE e.tenant_id = $1 AND e.audiences_cleared_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM cdp_audience_removals r WHERE r.tenant_id = e.tenant_id AND r.erasure_id = e.id)
                        """, tenant.value(), now.atOffset(ZoneOffset.UTC)).update());
    }
}
