package ai.stratum.server.identity;

import ai.stratum.server.database.Database;
import ai.stratum.server.security.PasswordHasher;
import ai.stratum.server.security.PasswordPolicy;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.Tenant;
import ai.stratum.server.tenancy.TenantRepository;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * First start: a default tenant and a SUPER_ADMIN from {@code STRATUM_ADMIN_EMAIL} and
 * {@code STRATUM_ADMIN_PASSWORD}. Without a password, one is generated and printed once, since
 * there would otherwise be no way in.
 */
@Singleton
public class AdminBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String DEFAULT_TENANT = "Default";

    private final Database database;
    private final TenantRepository tenants;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final String email;
    private final String password;

    public AdminBootstrap(Database database, TenantRepository tenants, UserRepository users, PasswordHasher hasher,
                          @Value("${stratum.admin.email:admin@stratum.local}") String email,
                          @Nullable @Value("${stratum.admin.password:}") String password) {
        this.database = database;
        this.tenants = tenants;
        this.users = users;
        this.hasher = hasher;
        this.email = EmailAddress.normalize("STRATUM_ADMIN_EMAIL", email);
        this.password = password == null ? "" : password;
        if (!this.password.isEmpty()) {
            PasswordPolicy.check("STRATUM_ADMIN_PASSWORD", this.password);
        }
    }

    @EventListener
    void onStartup(StartupEvent event) {
        ensureSuperAdmin().block(Duration.ofMinutes(1));
    }

    Mono<Void> ensureSuperAdmin() {
        boolean generated = password.isEmpty();
        String chosen = generated ? generatePassword() : password;
        return database.asSystemOne(connection -> users.anyWithRole(connection, Role.SUPER_ADMIN))
                .flatMap(exists -> exists ? Mono.empty() : hasher.hash(chosen)
                        .flatMap(hash -> database.asSystemOne(connection -> tenants.oldest(connection)
                                .switchIfEmpty(Mono.defer(() -> tenants.insert(connection, DEFAULT_TENANT, "USD", "UTC")))
                                .flatMap(tenant -> users.insert(connection, tenant.id(), email, hash, Role.SUPER_ADMIN, Optional.empty())
                                        .map(user -> tenant))))
                        .doOnNext(tenant -> announce(tenant, generated, chosen)))
                .then();
    }

    private void announce(Tenant tenant, boolean generated, String chosen) {
        if (generated) {
            // Printed once, on purpose: it is the only way into a fresh server without configuration.
            LOG.warn("event=super_admin_created email={} tenant={} generatedPassword={} "
                    + "(shown only now; set STRATUM_ADMIN_PASSWORD to choose one)", email, tenant.name(), chosen);
        } else {
            LOG.info("event=super_admin_created email={} tenant={}", email, tenant.name());
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
