package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** SQL for {@code oauth_states}, keyed by the SHA-256 of the state. */
@Singleton
class OAuthStateRepository {

    Mono<Long> insert(Connection connection, byte[] stateHash, OAuthState state) {
        return Sql.of(connection,
                        "INSERT INTO oauth_states (tenant_id, state_hash, user_id, platform, account_id, display_name, redirect_uri, "
                                + "expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                        state.tenant().value(), ByteBuffer.wrap(stateHash), state.userId(), state.platform().name(), state.accountId(),
                        state.displayName(), state.redirectUri().toString(), state.expiresAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    Mono<Long> deleteExpired(Connection connection, TenantId tenant) {
        return Sql.of(connection, "DELETE FROM oauth_states WHERE tenant_id = $1 AND expires_at < now()", tenant.value()).update();
    }

    /**
     * Takes a state out, so it can never be used twice, whether or not it has expired. Runs in the
     * system scope: the callback knows the state, not the tenant.
     */
    Mono<OAuthState> consume(Connection connection, byte[] stateHash) {
        return Sql.of(connection, "DELETE FROM oauth_states WHERE state_hash = $1 "
                        + "RETURNING tenant_id, user_id, platform, account_id, display_name, redirect_uri, expires_at",
                        ByteBuffer.wrap(stateHash))
                .row(row -> new OAuthState(
                        new TenantId(row.get("tenant_id", UUID.class)),
                        row.get("user_id", UUID.class),
                        Platform.valueOf(row.get("platform", String.class)),
                        row.get("account_id", String.class),
                        row.get("display_name", String.class),
                        URI.create(row.get("redirect_uri", String.class)),
                        row.get("expires_at", OffsetDateTime.class).toInstant()));
    }
}
