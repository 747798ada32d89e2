package ai.stratum.server.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.server.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GraphiQL as a browser sees it: the page, then every file the page asks for. */
@MicronautTest(transactional = false)
class GraphiqlControllerTest extends IntegrationTest {

    private static final Pattern SCRIPT_SRC = Pattern.compile("<script src=\"([^\"]+)\"");
    private static final Pattern STYLESHEET_HREF = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"");
    private static final Pattern ANY_SRC_OR_HREF = Pattern.compile("(?:src|href)=\"([^\"]*)\"");
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]*)");


    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesThePageAsHtmlThatIsRevalidatedOnEveryLoad() throws Exception {
        HttpResponse<String> page = get("/graphiql");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.body()).contains("<div id=\"graphiql\"");
    }

    @Test
    void pageNamesNoUrlOfAnotherOrigin() throws Exception {
        String html = get("/graphiql").body();

        assertThat(html).doesNotContain("http://", "https://", "src=\"//", "href=\"//");
        assertThat(all(ANY_SRC_OR_HREF, html))
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url).matches("/graphiql/assets/.+|data:.*"));
    }

    @Test
    void contentSecurityPolicyKeepsTheBrowserOnThisServer() throws Exception {
        String policy = get("/graphiql").headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(policy).contains("default-src 'self'", "script-src 'self'").doesNotContain("http", "*");
    }

    @Test
    void pageWiresQueriesToGraphqlAndSubscriptionsToGraphqlWs() throws Exception {
        String html = get("/graphiql").body();

        assertThat(html).contains("data-graphql-path=\"/graphql\"", "data-subscriptions-path=\"/graphql-ws\"");
    }

    @Test
    void loadsReactThenReactDomThenGraphiqlThenGraphqlWsThenTheBootScript() throws Exception {
        List<String> scripts = all(SCRIPT_SRC, get("/graphiql").body());

        assertThat(scripts).satisfiesExactly(
                react -> assertThat(react).matches("/graphiql/assets/react/[^/]+/umd/react\\.production\\.min\\.js"),
                reactDom -> assertThat(reactDom).matches("/graphiql/assets/react-dom/[^/]+/umd/react-dom\\.production\\.min\\.js"),
                graphiql -> assertThat(graphiql).matches("/graphiql/assets/graphiql/[^/]+/graphiql\\.min\\.js"),
                graphqlWs -> assertThat(graphqlWs).matches("/graphiql/assets/graphql-ws/[^/]+/umd/graphql-ws\\.min\\.js"),
                boot -> assertThat(boot).matches("/graphiql/assets/stratum/[0-9a-f]{12}/stratum-graphiql\\.js"));
    }

    @Test
    void servesEveryScriptThePageLoadsAsJavaScriptCachedForAYear() throws Exception {
        for (String url : all(SCRIPT_SRC, get("/graphiql").body())) {
            assertServedAsImmutable(url, "text/javascript");
        }
    }

    @Test
    void servesEveryStylesheetThePageLoadsAsCssCachedForAYear() throws Exception {
        List<String> stylesheets = all(STYLESHEET_HREF, get("/graphiql").body());

        assertThat(stylesheets).isNotEmpty();
        for (String url : stylesheets) {
            assertServedAsImmutable(url, "text/css");
        }
    }

    @Test
    void stylesheetsEmbedTheirFontsAndImagesInsteadOfFetchingThem() throws Exception {
        for (String url : all(STYLESHEET_HREF, get("/graphiql").body())) {
            String css = get(url).body();

            assertThat(css).doesNotContain("@import");
            assertThat(all(CSS_URL, css)).allSatisfy(ref -> assertThat(ref).startsWith("data:"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/graphiql/assets/nothing.js",
        "/graphiql/assets/react",
        "/graphiql/assets/graphiql/0.0.0/graphiql.min.js",
        "/graphiql/assets/graphiql/../graphiql/stratum-graphiql.js"
    })
    void answersNotFoundForFilesThePageDoesNotLoad(String path) throws Exception {
        assertThat(get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void servesAnAssetAskedForByItsExactPathOnTheWire() throws Exception {
        // The control for the traversal cases below: the same raw request reaches a real file.
        String firstScript = all(SCRIPT_SRC, get("/graphiql").body()).get(0);

        assertThat(RawHttp.statusOf(server.getURL(), firstScript)).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/graphiql/assets/../../graphiql/index.html",
        "/graphiql/assets/%2e%2e/%2e%2e/graphiql/index.html",
        "/graphiql/assets/..%2f..%2fgraphiql%2findex.html",
        "/graphiql/assets/stratum/../../../META-INF/MANIFEST.MF",
        "/graphiql/assets//etc/passwd",
        "/graphiql/assets/%2fetc%2fpasswd"
    })
    void answersNotFoundToDirectoryTraversal(String rawPath) throws Exception {
        assertThat(RawHttp.statusOf(server.getURL(), rawPath)).isEqualTo(404);
    }

    private void assertServedAsImmutable(String url, String contentType) throws IOException, InterruptedException {
        HttpResponse<byte[]> asset = http.send(request(url), BodyHandlers.ofByteArray());

        assertThat(asset.statusCode()).as(url).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type")).as(url)
                .hasValueSatisfying(type -> assertThat(type).startsWith(contentType));
        assertThat(asset.headers().firstValue("Cache-Control")).as(url)
                .hasValueSatisfying(cache -> assertThat(cache).contains("max-age=31536000", "immutable"));
        assertThat(asset.headers().firstValue("X-Content-Type-Options")).as(url).hasValue("nosniff");
        assertThat(asset.body()).as(url).isNotEmpty();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path), BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build();
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
