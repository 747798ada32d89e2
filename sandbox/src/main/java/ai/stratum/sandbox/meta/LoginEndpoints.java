package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.platform.Tokens;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Facebook Login:
 * <ul>
 *   <li>{@code GET /v25.0/dialog/oauth?client_id&redirect_uri&state&scope}: the user approves at
 *       once, and the dialog redirects (302) to {@code redirect_uri?code=...&state=...#_=_}, the
 *       {@code #_=_} Facebook appends. An unknown app id or a redirect URI that is not an absolute
 *       http(s) URL gets an error page (400), as the dialog shows one instead of redirecting;</li>
 *   <li>{@code GET} (or {@code POST}) {@code /v25.0/oauth/access_token} with {@code client_id},
 *       {@code client_secret} and either {@code redirect_uri} and {@code code}, or
 *       {@code grant_type=fb_exchange_token} and {@code fb_exchange_token}: answers
 *       {@code {"access_token","token_type":"bearer","expires_in"}}. Meta issues no refresh tokens;
 *       exchanging a valid token gives a new long-lived one, exchanging an expired or invalidated
 *       one fails with its 190 error. The app is checked first: an unknown id is code 101, a wrong
 *       secret code 1 ("Error validating client secret.").</li>
 * </ul>
 * The tokens issued last the sandbox's token lifetime.
 */
final class LoginEndpoints {

    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();

    static boolean isLogin(List<String> path) {
        return path.equals(List.of("dialog", "oauth")) || path.equals(List.of("oauth", "access_token"));
    }

    ApiResponse handle(GraphRequest request, PlatformState state) {
        if (request.path().get(0).equals("dialog")) {
            return dialog(request, state);
        }
        if (!request.method().equals("GET") && !request.method().equals("POST")) {
            throw GraphErrors.unsupported(request.method(), "access_token");
        }
        return token(request, state);
    }

    private static ApiResponse dialog(GraphRequest request, PlatformState state) {
        String clientId = request.param("client_id").orElse("");
        if (!clientId.equals(Tokens.CLIENT_ID)) {
            return page("Invalid App ID", "The provided app ID does not look like a valid app ID.");
        }
        String redirect = request.param("redirect_uri").orElse("");
        if (!absoluteHttp(redirect)) {
            return page("URL Blocked", "This redirect failed because the redirect URI is not whitelisted in the "
                    + "app's Client OAuth Settings. Make sure Client and Web OAuth Login are on and add all your "
                    + "app domains as Valid OAuth Redirect URIs.");
        }
        String responseType = request.param("response_type").orElse("code");
        if (!responseType.equals("code")) {
            return page("Error", "The sandbox's login dialog answers response_type=code only.");
        }
        StringBuilder location = new StringBuilder(redirect).append(redirect.contains("?") ? '&' : '?')
                .append("code=").append(encode(state.tokens().issueCode(redirect)));
        request.param("state").ifPresent(value -> location.append("&state=").append(encode(value)));
        location.append("#_=_");
        return new ApiResponse(302, Map.of("Location", location.toString()), "");
    }

    private ApiResponse token(GraphRequest request, PlatformState state) {
        Tokens tokens = state.tokens();
        String clientId = request.param("client_id").orElseThrow(() -> GraphErrors.application(true));
        if (!clientId.equals(Tokens.CLIENT_ID)) {
            throw GraphErrors.application(false);
        }
        if (!tokens.isClient(clientId, request.param("client_secret").orElse(""))) {
            throw GraphErrors.clientSecret();
        }
        if (request.param("grant_type").filter("fb_exchange_token"::equals).isPresent()) {
            return exchangeToken(request.required("fb_exchange_token"), state);
        }
        String redirect = request.required("redirect_uri");
        String code = request.required("code");
        Tokens.Grant grant = tokens.exchange(code, redirect).orElseThrow(() -> GraphErrors.verificationCode(
                usedCodes.contains(code)));
        usedCodes.add(code);
        return granted(grant, state);
    }

    private static ApiResponse exchangeToken(String token, PlatformState state) {
        return switch (state.tokens().check(token)) {
            case VALID -> {
                // Tokens issues new tokens for codes only: a code for an internal URI, exchanged at once
                String uri = "https://sandbox.invalid/fb_exchange_token";
                yield granted(state.tokens().exchange(state.tokens().issueCode(uri), uri).orElseThrow(), state);
            }
            case EXPIRED -> throw new GraphException(GraphErrors.tokenExpired(state.clock()));
            case REVOKED -> throw new GraphException(GraphErrors.tokenInvalidated());
            case UNKNOWN -> throw new GraphException(GraphErrors.tokenUnknown());
        };
    }

    private static ApiResponse granted(Tokens.Grant grant, PlatformState state) {
        long expiresIn = Math.max(0, Duration.between(state.clock().instant(), grant.expiresAt()).toSeconds());
        return ApiResponse.json(200, Json.write(Json.object().put("access_token", grant.accessToken())
                .put("token_type", "bearer").put("expires_in", expiresIn)));
    }

    private static boolean absoluteHttp(String uri) {
        try {
            URI parsed = new URI(uri);
            return parsed.isAbsolute() && parsed.getHost() != null
                    && ("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static ApiResponse page(String title, String message) {
        String html = "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><h1>" + title
                + "</h1><p>" + message + "</p></body></html>";
        return new ApiResponse(400, Map.of("Content-Type", "text/html; charset=utf-8"), html);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
