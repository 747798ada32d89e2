package ai.stratum.server.cdp.privacy;

import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's suppression key ({@code cdp_suppression_keys}), made at its first erasure. A key
 * never changes once made, so a found key is remembered; a tenant without one has erased nobody,
 * which ingestion learns with one indexed read per batch.
 */
@Singleton
public class SuppressionKeys {

    static final int KEY_BYTES = 32;

    private final Map<TenantId, byte[]> known = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** The tenant's key, when it has one. */
    public Mono<byte[]> find(Connection connection, TenantId tenant) {
        byte[] cached = known.get(tenant);
        if (cached != null) {
            return Mono.just(cached);
        }
        return Sql.of(connection, "SELECT key FROM cdp_suppression_keys WHERE tenant_id = $1", tenant.value())
                .row(row -> bytes(row.get("key", ByteBuffer.class)))
                .doOnNext(key -> known.put(tenant, key));
    }

    /** The tenant's key, made now when it has none (a concurrent maker's key wins: the insert does nothing then). */
    public Mono<byte[]> obtain(Connection connection, TenantId tenant) {
        byte[] fresh = new byte[KEY_BYTES];
        random.nextBytes(fresh);
        return find(connection, tenant).switchIfEmpty(Sql.of(connection,
                        "INSERT INTO cdp_suppression_keys (tenant_id, key) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING",
                        tenant.value(), ByteBuffer.wrap(fresh))
                .update()
                .then(Mono.defer(() -> find(connection, tenant))));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
