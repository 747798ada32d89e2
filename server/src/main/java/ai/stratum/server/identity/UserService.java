package ai.stratum.server.identity;

import ai.stratum.server.audit.ActivityFeed;
import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.Audited;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.graphql.Page;
import ai.stratum.server.graphql.PageCursor;
import ai.stratum.server.graphql.PageRequest;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.PasswordHasher;
import ai.stratum.server.security.PasswordPolicy;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.tenancy.TenantRepository;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.Optional;

/** Users of a tenant: who may create whom, and the tenant's user list. */
@Singleton
public class UserService {

    private final Database database;
    private final UserRepository users;
    private final TenantRepository tenants;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final ActivityFeed activity;

    public UserService(Database database, UserRepository users, TenantRepository tenants, PasswordHasher hasher,
                       AuditLog audit, ActivityFeed activity) {
        this.activity = activity;
        this.database = database;
        this.users = users;
        this.tenants = tenants;
        this.hasher = hasher;
        this.audit = audit;
    }

    /**
     * A TENANT_ADMIN creates users in their own tenant, a SUPER_ADMIN in any; nobody grants a role
     * above their own.
     */
    public Mono<User> create(Caller caller, String requestId, NewUser input) {
        caller.require(Role.TENANT_ADMIN);
        if (caller.viaApiKey()) {
            throw ApiException.forbidden("Users are created by people, not API keys");
        }
        TenantId tenant = input.tenantId().orElse(caller.tenant());
        Caller actor = caller.actingIn(tenant);
        if (!caller.role().canGrant(input.role())) {
            throw ApiException.forbidden("A " + caller.role() + " cannot grant the " + input.role() + " role");
        }
        String email = EmailAddress.normalize("input.email", input.email());
        PasswordPolicy.check("input.password", input.password());
        // system scope: e-mails are unique across tenants, and a super admin may name any tenant
        return activity.afterCommit(hasher.hash(input.password())
                .flatMap(hash -> database.asSystemOne(connection -> tenants.findById(connection, tenant)
                        .switchIfEmpty(Mono.error(ApiException.notFound("No tenant with id " + tenant)))
                        .then(users.emailTaken(connection, email))
                        .flatMap(taken -> taken
                                ? Mono.<User>error(ApiException.conflict("A user with e-mail " + email + " already exists"))
                                : users.insert(connection, tenant, email, hash, input.role(), Optional.of(caller.userId())))
                        .flatMap(user -> audit.record(connection, actor, requestId,
                                        new AuditEvent("user.created", "user", user.id().toString(),
                                                java.util.Map.of("role", user.role().name())))
                                .map(event -> new Audited<>(user, event))))))
                .onErrorMap(R2dbcDataIntegrityViolationException.class,
                        e -> ApiException.conflict("A user with e-mail " + email + " already exists"));
    }

    public Mono<User> me(Caller caller) {
        return database.inTenantOne(caller.homeTenant(), connection -> users.findById(connection, caller.homeTenant(), caller.userId()))
                .switchIfEmpty(Mono.error(ApiException.unauthenticated("Your user no longer exists")));
    }

    public Mono<Page<User>> page(Caller caller, PageRequest request) {
        caller.require(Role.TENANT_ADMIN);
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> users.page(connection, tenant, request.after(), request.first() + 1)
                .collectList()
                .zipWith(users.count(connection, tenant))
                .map(rowsAndCount -> Page.of(rowsAndCount.getT1(), request,
                        user -> new PageCursor(user.createdAt(), user.id()), rowsAndCount.getT2())));
    }

    /** Input of {@code createUser}. */
    public record NewUser(Optional<TenantId> tenantId, String email, String password, Role role) {
    }
}
