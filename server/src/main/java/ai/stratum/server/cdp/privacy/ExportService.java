package ai.stratum.server.cdp.privacy;

import ai.stratum.server.audit.ActivityFeed;
import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.audit.Audited;
import ai.stratum.server.cdp.identity.IdentityRepository;
import ai.stratum.server.cdp.profile.ProfileRepository;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The right of access and portability (GDPR art. 15 and 20, CCPA's right to know), for a
 * TENANT_ADMIN: everything stored about a person, as JSON, table by table — their profile and the
 * profiles merged into it, and every row of every table that references them ({@link PersonalDataTables}:
 * identifiers, events, merges, consent, memberships, …), plus the identity graph's edges around
 * their identifiers. Read in one transaction, so the export is consistent; audited without the data.
 */
@Singleton
public class ExportService {

    private static final Argument<List<Object>> ROWS = Argument.listOf(Object.class);

    private final Database database;
    private final ProfileRepository profiles;
    private final IdentityRepository identities;
    private final PersonalDataTables tables;
    private final AuditLog audit;
    private final ActivityFeed activity;
    private final JsonMapper json;
    private final Clock clock;

    ExportService(Database database, ProfileRepository profiles, IdentityRepository identities, PersonalDataTables tables, AuditLog audit,
                  ActivityFeed activity, JsonMapper json, Clock clock) {
        this.database = database;
        this.profiles = profiles;
        this.identities = identities;
        this.tables = tables;
        this.audit = audit;
        this.activity = activity;
        this.json = json;
        this.clock = clock;
    }

    public Mono<Map<String, Object>> export(Caller caller, String requestId, UUID profileId) {
        TenantId tenant = caller.require(Role.TENANT_ADMIN).tenant();
        return activity.afterCommit(database.inTenantOne(tenant, connection -> Person.find(connection, tenant, profileId, profiles, identities)
                .switchIfEmpty(Mono.error(ApiException.notFound("No profile with id " + profileId)))
                .flatMap(person -> collect(connection, tenant, person)
                        .flatMap(document -> audit.record(connection, caller, requestId,
                                        new AuditEvent("cdp.profile.exported", "cdp_profile", person.live().toString(), Map.of()))
                                .map(event -> new Audited<>(document, event))))));
    }

    private Mono<Map<String, Object>> collect(Connection connection, TenantId tenant, Person person) {
        Map<String, Object> byTable = new LinkedHashMap<>();
        return tables.profiles(connection, tenant, person.profileIds())
                .doOnNext(rows -> byTable.put(PersonalDataTables.PROFILES, read(rows)))
                .then(tables.edges(connection, tenant, person.identifiers()))
                .doOnNext(rows -> byTable.put(PersonalDataTables.EDGES, read(rows)))
                .thenMany(tables.discover(connection).collectList().flatMapMany(Flux::fromIterable))
                .concatMap(table -> tables.rows(connection, tenant, table, person.profileIds())
                        .doOnNext(rows -> byTable.put(table.name(), read(rows))))
                .then(Mono.fromSupplier(() -> {
                    Map<String, Object> document = new LinkedHashMap<>();
                    document.put("profileId", person.live().toString());
                    document.put("profileIds", person.profileIds().stream().map(UUID::toString).toList());
                    document.put("exportedAt", clock.instant().toString());
                    document.put("tables", byTable);
                    return document;
                }));
    }

    private List<Object> read(String rows) {
        try {
            return json.readValue(rows, ROWS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
