package ai.stratum.server.ml;

import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.tenancy.Tenant;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.tenancy.TenantRepository;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The tenant an ML request is for, and its today. Every cached ML result is keyed by the tenant's today,
 * so a cache hit needs the tenant's time zone: it is kept in memory for a minute rather than read from
 * the database on every request (a changed time zone is seen within that minute).
 */
@Singleton
class TenantCalendar {

    static final Duration KEEP = Duration.ofMinutes(1);

    private final Database database;
    private final TenantRepository tenants;
    private final Clock clock;
    private final Cache<TenantId, Tenant> known = Caffeine.newBuilder().expireAfterWrite(KEEP).maximumSize(10_000).build();

    TenantCalendar(Database database, TenantRepository tenants, Clock clock) {
        this.database = database;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** @return the tenant; NOT_FOUND when there is none */
    Mono<Tenant> tenant(TenantId tenant) {
        Tenant cached = known.getIfPresent(tenant);
        if (cached != null) {
            return Mono.just(cached);
        }
        return database.inTenantOne(tenant, connection -> tenants.findById(connection, tenant))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No tenant with id " + tenant)))
                .doOnNext(found -> known.put(tenant, found));
    }

    /** @return today in the tenant's time zone */
    LocalDate today(Tenant tenant) {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of(tenant.timezone()));
    }
}
