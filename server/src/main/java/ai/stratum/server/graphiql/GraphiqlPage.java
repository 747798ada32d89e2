package ai.stratum.server.graphiql;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The GraphiQL HTML page, rendered once from {@code graphiql/index.html}: the template names
 * no asset URL itself, so the tags always match what {@link GraphiqlAssets} serves.
 */
@Context
@Requires(property = GraphiqlController.ENABLED, value = StringUtils.TRUE, defaultValue = StringUtils.TRUE)
public final class GraphiqlPage {

    /** Same-origin paths fixed by the API's design; the boot script turns them into URLs. */
    static final String GRAPHQL_PATH = "/graphql";
    static final String SUBSCRIPTIONS_PATH = "/graphql-ws";

    private final String html;

    public GraphiqlPage(GraphiqlAssets assets) {
        String template = new String(ClasspathResource.read("graphiql/index.html"), StandardCharsets.UTF_8);
        this.html = template
                .replace("{{graphqlPath}}", GRAPHQL_PATH)
                .replace("{{subscriptionsPath}}", SUBSCRIPTIONS_PATH)
                .replace("{{stylesheets}}", tags(assets.ofType(AssetType.STYLESHEET), "<link rel=\"stylesheet\" href=\"%s\">"))
                .replace("{{scripts}}", tags(assets.ofType(AssetType.SCRIPT), "<script src=\"%s\"></script>"));
        if (html.contains("{{")) {
            throw new IllegalStateException("graphiql/index.html has a placeholder this class does not fill");
        }
    }

    String html() {
        return html;
    }

    private static String tags(List<GraphiqlAsset> assets, String format) {
        return assets.stream()
                .map(asset -> format.formatted(asset.url()))
                .collect(Collectors.joining("\n    "));
    }
}
