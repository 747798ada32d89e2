package ai.stratum.server.identity;

import ai.stratum.server.graphql.DataLoaderContribution;
import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.PageRequest;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.Tenant;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.tenancy.TenantService;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** GraphQL fields of tenants, users, login and API keys; each fetcher calls one service. */
@Singleton
class IdentitySchema implements SchemaContribution, DataLoaderContribution {

    private static final String TENANTS = "tenantsById";

    private final LoginService logins;
    private final TenantService tenants;
    private final UserService users;
    private final ApiKeyService apiKeys;

    IdentitySchema(LoginService logins, TenantService tenants, UserService users, ApiKeyService apiKeys) {
        this.logins = logins;
        this.tenants = tenants;
        this.users = users;
        this.apiKeys = apiKeys;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("me", Fetchers.mono(env -> users.me(RequestContext.caller(env))))
                .dataFetcher("tenants", Fetchers.flux(env -> tenants.all(RequestContext.caller(env))))
                .dataFetcher("users", Fetchers.mono(env -> users.page(RequestContext.caller(env), PageRequest.of(env))))
                .dataFetcher("apiKeys", Fetchers.flux(env -> apiKeys.list(RequestContext.caller(env)))));
        wiring.type("Mutation", type -> type
                .dataFetcher("login", Fetchers.mono(env -> logins.login(
                        env.getArgument("email"), env.getArgument("password"), RequestContext.of(env).clientAddress())))
                .dataFetcher("createTenant", Fetchers.mono(this::createTenant))
                .dataFetcher("createUser", Fetchers.mono(this::createUser))
                .dataFetcher("createApiKey", Fetchers.mono(this::createApiKey))
                .dataFetcher("revokeApiKey", Fetchers.mono(env -> apiKeys.revoke(RequestContext.caller(env),
                        RequestContext.of(env).requestId(), Ids.parse("id", env.getArgument("id"))))));
        wiring.type("AuthPayload", type -> type
                .dataFetcher("token", env -> env.<LoginService.Session>getSource().token().token())
                .dataFetcher("expiresAt", env -> env.<LoginService.Session>getSource().token().expiresAt()));
        wiring.type("Tenant", type -> type
                .dataFetcher("id", env -> env.<Tenant>getSource().id().toString()));
        wiring.type("User", type -> type
                .dataFetcher("tenant", env -> env.<TenantId, Tenant>getDataLoader(TENANTS)
                        .load(env.<User>getSource().tenantId())));
    }

    @Override
    public void register(DataLoaderRegistry registry, RequestContext request) {
        registry.register(TENANTS, DataLoaderFactory.newMappedDataLoader((Set<TenantId> ids) ->
                Flux.fromIterable(ids)
                        .flatMap(tenants::get)
                        .collect(Collectors.toMap(Tenant::id, Function.identity()))
                        .map(found -> (Map<TenantId, Tenant>) found)
                        .toFuture()));
    }

    private Mono<Tenant> createTenant(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        return tenants.create(RequestContext.caller(env), RequestContext.of(env).requestId(),
                new TenantService.NewTenant((String) input.get("name"), (String) input.get("currency"),
                        (String) input.get("timezone")));
    }

    private Mono<User> createUser(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        Optional<TenantId> tenant = Optional.ofNullable((String) input.get("tenantId"))
                .map(id -> TenantId.parse("input.tenantId", id));
        return users.create(RequestContext.caller(env), RequestContext.of(env).requestId(),
                new UserService.NewUser(tenant, (String) input.get("email"), (String) input.get("password"),
                        Role.valueOf((String) input.get("role"))));
    }

    private Mono<ApiKeyService.CreatedKey> createApiKey(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        return apiKeys.create(RequestContext.caller(env), RequestContext.of(env).requestId(),
                (String) input.get("name"), Role.valueOf((String) input.get("role")));
    }

    /** Client-supplied ids, refused with BAD_USER_INPUT when they are not UUIDs. */
    static final class Ids {
        private Ids() {
        }

        static UUID parse(String field, String id) {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw ai.stratum.server.error.ApiException.badInput(field, "'" + id + "' is not a valid id");
            }
        }
    }
}
