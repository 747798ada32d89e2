package ai.stratum.server.security;

import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.identity.ApiKeyRepository;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.tenancy.TenantRepository;
import io.micronaut.http.HttpHeaders;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Resolves the caller of a request from {@code Authorization: Bearer <JWT or API key>} or
 * {@code X-API-Key}, and the tenant they act in ({@code X-Stratum-Tenant}, super admins only).
 * No credentials means an anonymous caller; wrong credentials are refused outright.
 */
@Singleton
public class Authenticator {

    public static final String TENANT_HEADER = "X-Stratum-Tenant";
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final TokenService tokens;
    private final Database database;
    private final ApiKeyRepository apiKeys;
    private final TenantRepository tenants;

    public Authenticator(TokenService tokens, Database database, ApiKeyRepository apiKeys, TenantRepository tenants) {
        this.tokens = tokens;
        this.database = database;
        this.apiKeys = apiKeys;
        this.tenants = tenants;
    }

    public Mono<Optional<Caller>> authenticate(HttpHeaders headers) {
        return authenticate(headers.get(HttpHeaders.AUTHORIZATION), headers.get("X-API-Key"), headers.get(TENANT_HEADER));
    }

    public Mono<Optional<Caller>> authenticate(String authorization, String apiKeyHeader, String tenantHeader) {
        Optional<String> credential = credential(authorization, apiKeyHeader);
        if (credential.isEmpty()) {
            if (tenantHeader != null && !tenantHeader.isBlank()) {
                return Mono.error(ApiException.unauthenticated(TENANT_HEADER + " needs an authenticated SUPER_ADMIN"));
            }
            return Mono.just(Optional.empty());
        }
        Mono<Caller> caller = LookupKeys.API_KEYS.claims(credential.get())
                ? byApiKey(credential.get())
                : Mono.justOrEmpty(tokens.verify(credential.get()))
                        .map(claims -> new Caller(claims.userId(), Optional.empty(), claims.role(), claims.tenant(), claims.tenant()))
                        .switchIfEmpty(Mono.error(ApiException.unauthenticated("The token is invalid or has expired; log in again")));
        return caller.flatMap(resolved -> actingTenant(resolved, tenantHeader)).map(Optional::of);
    }

    private static Optional<String> credential(String authorization, String apiKeyHeader) {
        if (authorization != null && !authorization.isBlank()) {
            String[] parts = authorization.strip().split("\\s+", 2);
            if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
                throw ApiException.unauthenticated("Authorization must be 'Bearer <token or API key>'");
            }
            return Optional.of(parts[1].strip());
        }
        if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            return Optional.of(apiKeyHeader.strip());
        }
        return Optional.empty();
    }

    private Mono<Caller> byApiKey(String key) {
        var parsed = LookupKeys.API_KEYS.parse(key);
        if (parsed.isEmpty()) {
            return Mono.error(ApiException.unauthenticated("The API key is invalid or has been revoked"));
        }
        return database.asSystemOne(connection -> apiKeys.activeByLookup(connection, parsed.get().lookup())
                        .filter(stored -> LookupKeys.sameHash(stored.secretHash(), parsed.get().secretHash()))
                        .flatMap(stored -> apiKeys.touch(connection, stored.key().tenantId(), stored.key().id())
                                .thenReturn(stored.key())))
                .map(apiKey -> new Caller(apiKey.createdBy(), Optional.of(apiKey.id()), apiKey.role(), apiKey.tenantId(),
                        apiKey.tenantId()))
                .switchIfEmpty(Mono.error(ApiException.unauthenticated("The API key is invalid or has been revoked")));
    }

    private Mono<Caller> actingTenant(Caller caller, String tenantHeader) {
        if (tenantHeader == null || tenantHeader.isBlank()) {
            return Mono.just(caller);
        }
        TenantId tenant = TenantId.parse(TENANT_HEADER, tenantHeader);
        Caller acting = caller.actingIn(tenant);
        if (!acting.crossTenant()) {
            return Mono.just(acting);
        }
        return database.asSystemOne(connection -> tenants.findById(connection, tenant))
                .switchIfEmpty(Mono.error(ApiException.notFound("No tenant with id " + tenant)))
                .map(found -> {
                    LOG.info("event=cross_tenant_request user={} homeTenant={} tenant={}", caller.userId(), caller.homeTenant(), tenant);
                    return acting;
                });
    }
}
