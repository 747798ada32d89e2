package ai.stratum.server.cdp.consent;

import ai.stratum.server.audit.ActivityFeed;
import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.audit.Audited;
import ai.stratum.server.cdp.identity.IdentityLock;
import ai.stratum.server.cdp.profile.ProfileRepository;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Consent by API and consent as {@code Profile.consent} shows it. Setting consent changes a
 * person's data: like ingestion it needs DATA_ANALYST or above, runs under the tenant's identity
 * lock (so it never races a merge of the same profile) and is audited without the person's data.
 */
@Singleton
public class ConsentService {

    /** How far ahead of the server's clock a statement's time may be: a device clock slightly ahead is not an error. */
    static final Duration MAX_FUTURE = Duration.ofMinutes(5);

    private final Database database;
    private final IdentityLock lock;
    private final ProfileRepository profiles;
    private final ConsentRepository consent;
    private final AuditLog audit;
    private final ActivityFeed activity;
    private final Clock clock;

    ConsentService(Database database, IdentityLock lock, ProfileRepository profiles, ConsentRepository consent, AuditLog audit,
                   ActivityFeed activity, Clock clock) {
        this.database = database;
        this.lock = lock;
        this.profiles = profiles;
        this.consent = consent;
        this.audit = audit;
        this.activity = activity;
        this.clock = clock;
    }

    /** A choice for one purpose as {@code setConsent} receives it; {@code statedAt} empty means now. */
    public record Choice(ConsentPurpose purpose, boolean granted, Optional<Instant> statedAt) {
    }

    /**
     * Records the choices on the live profile {@code profileId} names, each unless a newer statement
     * for its purpose is stored; returns the live profile's id.
     */
    public Mono<UUID> set(Caller caller, String requestId, UUID profileId, List<Choice> choices) {
        TenantId tenant = caller.require(Role.DATA_ANALYST).tenant();
        Instant now = clock.instant();
        check(choices, now);
        return activity.afterCommit(database.inTenantOne(tenant, connection -> lock.acquire(connection, tenant)
                .then(profiles.live(connection, tenant, profileId))
                .switchIfEmpty(Mono.error(ApiException.notFound("No profile with id " + profileId)))
                .flatMap(live -> {
                    List<Map.Entry<UUID, ConsentStatement>> statements = choices.stream()
                            .map(choice -> Map.entry(live.id(), new ConsentStatement(choice.purpose(), choice.granted(), ConsentSource.API,
                                    choice.statedAt().orElse(now), Optional.empty(), Optional.empty(), Optional.of(caller.userId()))))
                            .toList();
                    String purposes = choices.stream().map(choice -> choice.purpose().name()).collect(Collectors.joining(","));
                    return consent.save(connection, tenant, NewestConsent.of(statements))
                            .then(audit.record(connection, caller, requestId,
                                    new AuditEvent("cdp.consent.set", "cdp_profile", live.id().toString(), Map.of("purposes", purposes))))
                            .map(event -> new Audited<>(live.id(), event));
                })));
    }

    /** Batch loader of {@code Profile.consent}: the stated purposes of each profile, in purpose order. */
    public Mono<Map<UUID, List<ConsentStatement>>> of(TenantId tenant, Set<UUID> profileIds) {
        return database.inTenant(tenant, connection -> consent.of(connection, tenant, profileIds))
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())))
                .map(found -> {
                    Map<UUID, List<ConsentStatement>> all = new HashMap<>(found);
                    profileIds.forEach(id -> all.putIfAbsent(id, List.of()));
                    return all;
                });
    }

    private static void check(List<Choice> choices, Instant now) {
        if (choices.isEmpty()) {
            throw ApiException.badInput("consent", "Give at least one purpose");
        }
        Set<ConsentPurpose> seen = EnumSet.noneOf(ConsentPurpose.class);
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            if (!seen.add(choice.purpose())) {
                throw ApiException.badInput("consent[" + i + "].purpose", choice.purpose() + " is given twice");
            }
            if (choice.statedAt().isPresent() && choice.statedAt().get().isAfter(now.plus(MAX_FUTURE))) {
                throw ApiException.badInput("consent[" + i + "].statedAt", "statedAt " + choice.statedAt().get()
                        + " is in the future; a statement is dated when it was made");
            }
        }
    }
}
