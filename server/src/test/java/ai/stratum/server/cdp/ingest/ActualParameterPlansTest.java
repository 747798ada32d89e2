package ai.stratum.server.cdp.ingest;

import ai.stratum.server.database.Database;
import ai.stratum.server.database.Sql;
import ai.stratum.server.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ActualParameterPlansTest extends IntegrationTest {

    private static final String MODE = "SELECT current_setting('plan_cache_mode') AS mode";

    @Inject
    Database database;

    @Test
    void plansTheTransactionsStatementsForTheirParametersAndOnlyThatTransaction() {
        String inside = database.asSystemOne(connection -> ActualParameterPlans.forThisTransaction(connection)
                .then(Sql.of(connection, MODE).row(row -> row.get("mode", String.class)))).block();
        String after = database.asSystemOne(connection -> Sql.of(connection, MODE).row(row -> row.get("mode", String.class))).block();

        assertThat(inside).isEqualTo("force_custom_plan");
        assertThat(after).isEqualTo("auto");
    }

    @Test
    void fromTheEventInsertOnTheTransactionUsesCachedPlansAgain() {
        String last = database.asSystemOne(connection -> ActualParameterPlans.forThisTransaction(connection)
                .then(ActualParameterPlans.cachedFromHere(connection))
                .then(Sql.of(connection, MODE).row(row -> row.get("mode", String.class)))).block();

        assertThat(last).isEqualTo("auto");
    }
}
