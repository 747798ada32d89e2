package ai.stratum.server.connectors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@code GET /oauth/callback/{platform}}: where a platform sends the user back after they granted
 * (or refused) access. Answers a small page saying what happened; never a redirect, so the
 * endpoint cannot be used to send anyone elsewhere. The page is not cached and sends no referrer,
 * since the URL carries the authorization code.
 */
@Controller("/oauth/callback")
class OAuthCallbackController {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthCallbackController.class);
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private final OAuthService oauth;

    OAuthCallbackController(OAuthService oauth) {
        this.oauth = oauth;
    }

    @Get(value = "/{platform}", produces = MediaType.TEXT_HTML + ";charset=utf-8")
    Mono<HttpResponse<String>> callback(@PathVariable String platform, @Nullable @QueryValue String code,
                                        @Nullable @QueryValue String state, @Nullable @QueryValue String error,
                                        @Nullable @QueryValue("error_description") String errorDescription) {
        return Mono.defer(() -> oauth.complete(platform, code, state, error, errorDescription))
                .<HttpResponse<String>>map(connected -> {
                    LOG.info("event=oauth_connected tenant={} connection={} platform={}", connected.tenant(), connected.id(),
                            connected.platform());
                    return page(HttpStatus.OK, "Account connected", "Connected " + connected.platform() + " account "
                            + connected.accountId() + " (" + connected.displayName() + "). You can close this window.");
                })
                .onErrorResume(OAuthCallbackException.class, refused -> {
                    LOG.info("event=oauth_callback_refused platform={} status={} reason=\"{}\"", platform.replaceAll("[^A-Za-z0-9_-]", "?"),
                            refused.status(), refused.getMessage().replace("\"", "'"));
                    return Mono.just(page(HttpStatus.valueOf(refused.status()), "Account not connected", refused.getMessage()));
                })
                .onErrorResume(unexpected -> {
                    LOG.error("event=oauth_callback_failed platform={}", platform.replaceAll("[^A-Za-z0-9_-]", "?"), unexpected);
                    return Mono.just(page(HttpStatus.INTERNAL_SERVER_ERROR, "Account not connected",
                            "Something went wrong on the server; see its log, then start connecting the account again."));
                });
    }

    private static MutableHttpResponse<String> page(HttpStatus status, String title, String message) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Stratum: " + escape(title)
                + "</title><style>body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:40rem;line-height:1.5}</style>"
                + "</head><body><h1>" + escape(title) + "</h1><p>" + escape(message) + "</p></body></html>";
        return HttpResponse.<String>status(status)
                .body(html)
                .contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
