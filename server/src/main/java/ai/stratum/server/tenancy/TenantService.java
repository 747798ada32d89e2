package ai.stratum.server.tenancy;

import ai.stratum.server.audit.ActivityFeed;
import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.Audited;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;

/** Creating and listing tenants: the super admin's business, and each caller's view of their own tenant. */
@Singleton
public class TenantService {

    private final Database database;
    private final TenantRepository tenants;
    private final AuditLog audit;
    private final ActivityFeed activity;

    public TenantService(Database database, TenantRepository tenants, AuditLog audit, ActivityFeed activity) {
        this.database = database;
        this.tenants = tenants;
        this.audit = audit;
        this.activity = activity;
    }

    public Mono<Tenant> create(Caller caller, String requestId, NewTenant input) {
        caller.require(Role.SUPER_ADMIN);
        NewTenant valid = input.validated();
        // system scope: the name must be unique across tenants, and the new tenant is nobody's yet
        return activity.afterCommit(database.asSystemOne(connection -> tenants.nameTaken(connection, valid.name())
                .flatMap(taken -> taken
                        ? Mono.<Tenant>error(ApiException.conflict("A tenant named '" + valid.name() + "' already exists"))
                        : tenants.insert(connection, valid.name(), valid.currency(), valid.timezone()))
                .flatMap(tenant -> audit.record(connection, caller.actingIn(tenant.id()), requestId,
                                AuditEvent.of("tenant.created", "tenant", tenant.id().toString()))
                        .map(event -> new Audited<>(tenant, event)))));
    }

    public Flux<Tenant> all(Caller caller) {
        caller.require(Role.SUPER_ADMIN);
        return database.asSystem(tenants::all);
    }

    public Mono<Tenant> get(TenantId id) {
        return database.inTenantOne(id, connection -> tenants.findById(connection, id));
    }

    /** Input of {@code createTenant}; {@link #validated()} trims and checks every field. */
    public record NewTenant(String name, String currency, String timezone) {

        public NewTenant validated() {
            String trimmed = name == null ? "" : name.strip();
            if (trimmed.isEmpty() || trimmed.length() > 200) {
                throw ApiException.badInput("input.name", "Tenant name must be 1 to 200 characters");
            }
            String code = currency == null ? "USD" : currency.strip().toUpperCase(java.util.Locale.ROOT);
            try {
                Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                throw ApiException.badInput("input.currency", "'" + currency + "' is not an ISO 4217 currency code");
            }
            String zone = timezone == null ? "UTC" : timezone.strip();
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw ApiException.badInput("input.timezone", "'" + timezone + "' is not an IANA time zone (e.g. Europe/Berlin)");
            }
            return new NewTenant(trimmed, code, zone);
        }
    }
}
