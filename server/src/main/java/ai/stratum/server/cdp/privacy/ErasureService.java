package ai.stratum.server.cdp.privacy;

import ai.stratum.server.audit.ActivityFeed;
import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.audit.Audited;
import ai.stratum.server.cdp.identity.IdentityLock;
import ai.stratum.server.cdp.identity.IdentityRepository;
import ai.stratum.server.cdp.profile.ProfileRepository;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The right to erasure (GDPR art. 17, CCPA's right to delete), for a TENANT_ADMIN: in one
 * transaction under the tenant's identity lock, every row that references the person's profiles is
 * deleted ({@link PersonalDataTables}: their events included, since free-form properties and context
 * cannot be stripped field by field with any certainty), their identifiers are added to the
 * suppression list as keyed hashes, the platform hashes their audiences need removed are left for
 * the next audience sync, and an erasure record and an audit entry, neither with personal data, are
 * written. Erasing again, by the same or a merged id, answers true and changes nothing.
 */
@Singleton
public class ErasureService {

    private static final Logger LOG = LoggerFactory.getLogger(ErasureService.class);

    private final Database database;
    private final IdentityLock lock;
    private final ProfileRepository profiles;
    private final IdentityRepository identities;
    private final PersonalDataTables tables;
    private final SuppressionKeys keys;
    private final SuppressionList suppressions;
    private final ErasureRepository erasures;
    private final AuditLog audit;
    private final ActivityFeed activity;

    ErasureService(Database database, IdentityLock lock, ProfileRepository profiles, IdentityRepository identities, PersonalDataTables tables,
                   SuppressionKeys keys, SuppressionList suppressions, ErasureRepository erasures, AuditLog audit, ActivityFeed activity) {
        this.database = database;
        this.lock = lock;
        this.profiles = profiles;
        this.identities = identities;
        this.tables = tables;
        this.keys = keys;
        this.suppressions = suppressions;
        this.erasures = erasures;
        this.audit = audit;
        this.activity = activity;
    }

    public Mono<Boolean> erase(Caller caller, String requestId, UUID profileId) {
        TenantId tenant = caller.require(Role.TENANT_ADMIN).tenant();
        return database.inTenantOne(tenant, connection -> lock.acquire(connection, tenant)
                        .then(Person.find(connection, tenant, profileId, profiles, identities).map(Optional::of).defaultIfEmpty(Optional.empty()))
                        .flatMap(person -> person.isPresent()
                                ? erase(connection, caller, requestId, person.get()).map(Optional::of)
                                : erasures.erased(connection, tenant, profileId).flatMap(erased -> erased
                                        ? Mono.just(Optional.<AuditLog.RecordedEvent>empty())
                                        : Mono.error(ApiException.notFound("No profile with id " + profileId)))))
                .flatMap(event -> event.isEmpty()
                        ? Mono.just(true)
                        : activity.afterCommit(Mono.just(new Audited<>(true, event.get()))));
    }

    private Mono<AuditLog.RecordedEvent> erase(Connection connection, Caller caller, String requestId, Person person) {
        TenantId tenant = caller.tenant();
        UUID erasureId = UUID.randomUUID();
        return tables.erase(connection, tenant, person.profileIds(), person.identifiers())
                .flatMap(events -> erasures.insert(connection, tenant, erasureId, person, caller.userId(), events)
                        .then(keys.obtain(connection, tenant))
                        .flatMap(key -> suppressions.add(connection, tenant, key, erasureId, person.identifiers()))
                        .then(erasures.addAudienceRemovals(connection, tenant, erasureId, person.identifiers()))
                        .then(audit.record(connection, caller, requestId, new AuditEvent("cdp.profile.erased", "cdp_profile",
                                person.live().toString(), Map.of("erasure", erasureId.toString(),
                                "profiles", String.valueOf(person.profileIds().size()),
                                "identifiers", String.valueOf(person.identifiers().size()), "events", String.valueOf(events)))))
                        .doOnNext(recorded -> LOG.info("event=cdp_profile_erased tenant={} erasure={} profiles={} identifiers={} events={}",
                                tenant, erasureId, person.profileIds().size(), person.identifiers().size(), events)));
    }
}
