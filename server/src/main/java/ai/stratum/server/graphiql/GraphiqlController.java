package ai.stratum.server.graphiql;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * Serves GraphiQL at {@code /graphiql} and the files it loads under {@code /graphiql/assets/}.
 * Nothing comes from a CDN, so the page works on a machine without internet access.
 * Turned off with {@code stratum.graphiql.enabled=false}; both paths then answer 404.
 */
@Controller(GraphiqlController.PAGE_PATH)
@Requires(property = GraphiqlController.ENABLED, value = StringUtils.TRUE, defaultValue = StringUtils.TRUE)
public final class GraphiqlController {

    public static final String ENABLED = "stratum.graphiql.enabled";
    static final String PAGE_PATH = "/graphiql";
    static final String ASSETS_PATH = PAGE_PATH + "/assets";

    /** Revalidate the page on every load, so an upgraded server's asset URLs are picked up at once. */
    private static final String PAGE_CACHE_CONTROL = "no-cache";

    /** An asset path carries a version or a content hash: the bytes behind it never change. */
    private static final String ASSET_CACHE_CONTROL = "public, max-age=31536000, immutable";

    /**
     * The browser may load only what this server serves. Styles allow 'unsafe-inline' for the
     * page's own style element and the style attributes CodeMirror writes; fonts and icons in
     * GraphiQL's CSS are data: URLs. WebSocket schemes are listed because older browsers do
     * not count ws:/wss: to the page's own host as 'self'.
     */
    private static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self' ws: wss:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'self'");

    private final GraphiqlPage page;
    private final GraphiqlAssets assets;

    public GraphiqlController(GraphiqlPage page, GraphiqlAssets assets) {
        this.page = page;
        this.assets = assets;
    }

    @Get(produces = MediaType.TEXT_HTML + ";charset=utf-8")
    public HttpResponse<String> page() {
        return withoutSniffing(HttpResponse.ok(page.html()))
                .header(HttpHeaders.CACHE_CONTROL, PAGE_CACHE_CONTROL)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer");
    }

    @Get("/assets/{+path}")
    public HttpResponse<byte[]> asset(String path) {
        return assets.find(path)
                .<HttpResponse<byte[]>>map(asset -> withoutSniffing(HttpResponse.ok(asset.content()))
                        .contentType(asset.type().contentType())
                        .header(HttpHeaders.CACHE_CONTROL, ASSET_CACHE_CONTROL))
                .orElseGet(HttpResponse::notFound);
    }

    /** Browsers must take the declared content type, never guess a script out of other bytes. */
    private static <T> MutableHttpResponse<T> withoutSniffing(MutableHttpResponse<T> response) {
        return response.header("X-Content-Type-Options", "nosniff");
    }
}
