package ai.stratum.server.cdp;

import ai.stratum.server.cdp.identity.IdentityRepository;
import ai.stratum.server.cdp.ingest.EventRepository;
import ai.stratum.server.cdp.profile.ProfileRepository;
import ai.stratum.server.database.Database;
import ai.stratum.server.database.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookups ingestion runs on every batch stay key lookups in the plan PostgreSQL caches for a
 * prepared statement: the driver prepares each statement once per connection, and after a few runs
 * PostgreSQL plans it once for any parameters. Written as {@code = ANY($n)} or a plain join, that
 * generic plan read every event of the source (or scanned the identifiers), so each batch was slower
 * than the one before; the ingestion benchmark (docs/benchmarks.md, "CDP ingestion") found it.
 */
@MicronautTest(transactional = false)
class IngestLookupPlanTest extends CdpIntegrationTest {

    @Inject
    Database database;

    @BeforeAll
    void storedEventsWithStatistics() {
        Tenant tenant = newTenant();
        for (int batch = 0; batch < 3; batch++) {
            List<String> events = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                events.add("{\"type\":\"track\",\"event\":\"Viewed\",\"messageId\":\"" + UUID.randomUUID() + "\",\"anonymousId\":\"a-"
                        + batch + "-" + i + "\",\"traits\":{\"email\":\"p" + batch + "-" + i + "@plan.test\"}}");
            }
            assertThat(tracking().send(tenant.writeKey(), "batch", "{\"batch\":[" + String.join(",", events) + "]}").status()).isEqualTo(200);
        }
        // the statistics autovacuum would gather once the tables have grown (ANALYZE needs the owner, not the application role)
        database.asSystem(connection -> Sql.of(connection, "RESET ROLE").update()
                        .then(Sql.of(connection, "ANALYZE cdp_events, cdp_identifiers, cdp_profiles").update()))
                .blockLast();
    }

    @Test
    void looksUpEachMessageIdInTheSourcesUniqueKey() {
        String plan = genericPlan(EventRepository.EXISTING_MESSAGE_IDS, "uuid, uuid, text[]",
                "gen_random_uuid(), gen_random_uuid(), ARRAY['m1', 'm2']");
        assertLooksUpEachKey(plan, "cdp_events", "Index (Only )?Scan", "cdp_events_tenant_id_source_id_message_id_key",
                "message_id = k.message_id");
    }

    @Test
    void looksUpEachIdentifierInThePrimaryKey() {
        String plan = genericPlan(IdentityRepository.OWNERS, "uuid, text[], text[]",
                "gen_random_uuid(), ARRAY['EMAIL', 'USER_ID'], ARRAY['a@example.com', 'u1']");
        assertLooksUpEachKey(plan, "cdp_identifiers", "Index Scan", "cdp_identifiers_pkey", "value = k.value");
    }

    @Test
    void looksUpEachProfileInThePrimaryKey() {
        String plan = genericPlan(ProfileRepository.PROFILES_BY_ID, "uuid, uuid[]",
                "gen_random_uuid(), ARRAY[gen_random_uuid(), gen_random_uuid()]");
        assertLooksUpEachKey(plan, "cdp_profiles", "Index Scan", "cdp_profiles_pkey", "id = k.id");
    }

    @Test
    void countsEachProfilesIdentifiersInTheProfileIndex() {
        String plan = genericPlan(IdentityRepository.IDENTIFIER_COUNTS, "uuid, uuid[]",
                "gen_random_uuid(), ARRAY[gen_random_uuid(), gen_random_uuid()]");
        assertLooksUpEachKey(plan, "cdp_identifiers", "Index (Only )?Scan", "cdp_identifiers_profile",
                "profile_id = k.profile_id");
    }

    /**
     * The plan reads {@code table} only through {@code index}, once per key of the look-up.
     *
     * @param scan      the scan's kind as a pattern, for example {@code Index (Only )?Scan}
     * @param condition what the index condition compares, for example {@code id = k.id}
     */
    private static void assertLooksUpEachKey(String plan, String table, String scan, String index, String condition) {
        assertThat(plan).as(plan)
                .doesNotContain("Seq Scan on " + table)
                .containsPattern(scan + " using " + index + " on " + table + "\\s+\\([^\\n]*\\n"
                        + "\\s+Index Cond: [^\\n]*" + condition);
    }

    /** The plan PostgreSQL caches for {@code sql} once it plans it for any parameters, as EXPLAIN prints it. */
    private String genericPlan(String sql, String parameterTypes, String arguments) {
        List<String> lines = database.asSystem(connection -> Sql.of(connection, "SET LOCAL plan_cache_mode = force_generic_plan").update()
                        // PREPARE run from a string literal: the driver would take its $n for parameters of its own
                        .then(Sql.of(connection, "DO " + literal("BEGIN EXECUTE " + literal("PREPARE lookup (" + parameterTypes + ") AS " + sql)
                                + "; END")).update())
                        .thenMany(Sql.of(connection, "EXPLAIN EXECUTE lookup (" + arguments + ")").rows(row -> row.get(0, String.class)))
                        .concatWith(Sql.of(connection, "DEALLOCATE lookup").update().then(Mono.empty())))
                .collectList().block();
        return String.join("\n", lines);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
