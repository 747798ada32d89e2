package ai.stratum.server.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import ai.stratum.server.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** An operator who turns GraphiQL off gets no page, no asset route and no assets in memory. */
@MicronautTest(transactional = false)
@Property(name = GraphiqlController.ENABLED, value = "false")
class GraphiqlDisabledTest extends IntegrationTest {


    @Inject
    ApplicationContext context;

    @Test
    void answersNotFoundForThePage() throws Exception {
        assertThat(RawHttp.statusOf(server.getURL(), "/graphiql")).isEqualTo(404);
    }

    @Test
    void createsNeitherTheControllerNorTheAssets() {
        assertThat(context.containsBean(GraphiqlController.class)).isFalse();
        assertThat(context.containsBean(GraphiqlPage.class)).isFalse();
        assertThat(context.containsBean(GraphiqlAssets.class)).isFalse();
    }
}
