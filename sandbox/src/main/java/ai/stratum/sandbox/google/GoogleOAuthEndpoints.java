package ai.stratum.sandbox.google;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.platform.Tokens;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Google's OAuth 2.0 web-server flow.
 * <ul>
 *   <li>{@code GET /o/oauth2/v2/auth} (accounts.google.com): needs {@code client_id},
 *       {@code redirect_uri}, {@code response_type=code} and {@code scope}; the sandbox's user
 *       consents at once: 302 to {@code redirect_uri?state=…&code=…&scope=…}. An unknown client or a
 *       bad request gets Google's HTML error page ("Error 401: invalid_client", "Error 400:
 *       invalid_request"), never a redirect.</li>
 *   <li>{@code POST /token} (oauth2.googleapis.com), form-encoded, client credentials in the form or
 *       HTTP Basic: {@code authorization_code} answers {@code access_token}, {@code expires_in}
 *       (3599 for an hour), {@code refresh_token}, {@code scope}, {@code token_type: Bearer};
 *       {@code refresh_token} answers the same without a refresh token, which stays valid, as
 *       Google's does. Errors are RFC 6749 bodies: 401 {@code invalid_client}, 400
 *       {@code invalid_grant} ("Bad Request" for a code, "Token has been expired or revoked." for a
 *       refresh token), {@code invalid_request}, {@code unsupported_grant_type}.</li>
 * </ul>
 */
final class GoogleOAuthEndpoints {

    static final String AUTHORIZE = "/o/oauth2/v2/auth";
    static final String TOKEN = "/token";
    static final String SCOPE = "https://www.googleapis.com/auth/adwords";

    boolean serves(ApiRequest request) {
        return request.path().equals(AUTHORIZE) || request.path().equals(TOKEN);
    }

    ApiResponse answer(ApiRequest request, Tokens tokens, GoogleState google, Clock clock) {
        if (request.path().equals(AUTHORIZE) && request.method().equals("GET")) {
            return authorize(request, tokens);
        }
        if (request.path().equals(TOKEN) && request.method().equals("POST")) {
            return token(request, tokens, google, clock);
        }
        return GoogleErrors.html(405, "Method Not Allowed", "The request method <code>" + request.method()
                + "</code> is inappropriate for the URL <code>" + request.path() + "</code>.");
    }

    private static ApiResponse authorize(ApiRequest request, Tokens tokens) {
        String clientId = request.queryParam("client_id").orElse("");
        if (!clientId.equals(Tokens.CLIENT_ID)) {
            return GoogleErrors.html(401, "Unauthorized", "Access blocked: Authorization Error. Error 401: invalid_client. "
                    + "The OAuth client was not found.");
        }
        for (String required : new String[] {"redirect_uri", "response_type", "scope"}) {
            if (request.queryParam(required).filter(value -> !value.isBlank()).isEmpty()) {
                return GoogleErrors.html(400, "Bad Request", "Access blocked: Authorization Error. Error 400: "
                        + "invalid_request. Missing required parameter: " + required);
            }
        }
        if (!request.queryParam("response_type").orElseThrow().equals("code")) {
            return GoogleErrors.html(400, "Bad Request", "Access blocked: Authorization Error. Error 400: "
                    + "invalid_request. Invalid response_type: " + GoogleErrors.escape(request.queryParam("response_type")
                    .orElseThrow()));
        }
        String redirect = request.queryParam("redirect_uri").orElseThrow();
        StringBuilder location = new StringBuilder(redirect).append(redirect.contains("?") ? '&' : '?');
        request.queryParam("state").ifPresent(state -> location.append("state=").append(encode(state)).append('&'));
        location.append("code=").append(encode(tokens.issueCode(redirect)))
                .append("&scope=").append(encode(request.queryParam("scope").orElseThrow()));
        return new ApiResponse(302, Map.of("Location", location.toString(), "Content-Type", "text/html; charset=UTF-8"), "");
    }

    private static ApiResponse token(ApiRequest request, Tokens tokens, GoogleState google, Clock clock) {
        Map<String, String> form = new HashMap<>(request.form());
        basicCredentials(request).ifPresent(credentials -> {
            form.putIfAbsent("client_id", credentials[0]);
            form.putIfAbsent("client_secret", credentials[1]);
        });
        if (!Tokens.CLIENT_ID.equals(form.get("client_id"))) {
            return error(401, "invalid_client", "The OAuth client was not found.");
        }
        if (!tokens.isClient(form.get("client_id"), form.get("client_secret"))) {
            return error(401, "invalid_client", "Unauthorized");
        }
        String grantType = form.getOrDefault("grant_type", "");
        switch (grantType) {
            case "authorization_code" -> {
                Optional<String> missing = missing(form, "code", "redirect_uri");
                if (missing.isPresent()) {
                    return error(400, "invalid_request", "Missing required parameter: " + missing.get());
                }
                return tokens.exchange(form.get("code"), form.get("redirect_uri"))
                        .map(grant -> granted(grant, true, clock))
                        .orElseGet(() -> error(400, "invalid_grant", "Bad Request"));
            }
            case "refresh_token" -> {
                Optional<String> missing = missing(form, "refresh_token");
                if (missing.isPresent()) {
                    return error(400, "invalid_request", "Missing required parameter: " + missing.get());
                }
                String held = form.get("refresh_token");
                return tokens.refresh(google.currentRefreshToken(held)).map(grant -> {
                    google.refreshed(held, grant.refreshToken());
                    return granted(grant, false, clock);
                }).orElseGet(() -> error(400, "invalid_grant", "Token has been expired or revoked."));
            }
            default -> {
                return error(400, "unsupported_grant_type", "Invalid grant_type: " + grantType);
            }
        }
    }

    private static ApiResponse granted(Tokens.Grant grant, boolean withRefreshToken, Clock clock) {
        long lifetime = Math.max(1, Duration.between(clock.instant(), grant.expiresAt()).toSeconds() - 1);
        ObjectNode body = GoogleJson.object().put("access_token", grant.accessToken()).put("expires_in", lifetime);
        if (withRefreshToken) {
            body.put("refresh_token", grant.refreshToken());
        }
        body.put("scope", SCOPE).put("token_type", "Bearer");
        return noStore(ApiResponse.json(200, GoogleJson.write(body)));
    }

    private static ApiResponse error(int status, String error, String description) {
        return noStore(ApiResponse.json(status, GoogleJson.write(GoogleJson.object().put("error", error)
                .put("error_description", description))));
    }

    private static ApiResponse noStore(ApiResponse response) {
        return response.withHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
                .withHeader("Pragma", "no-cache");
    }

    private static Optional<String> missing(Map<String, String> form, String... names) {
        for (String name : names) {
            if (form.getOrDefault(name, "").isBlank()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static Optional<String[]> basicCredentials(ApiRequest request) {
        return request.header("Authorization").filter(value -> value.regionMatches(true, 0, "Basic ", 0, 6))
                .flatMap(value -> {
                    try {
                        String decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()),
                                StandardCharsets.UTF_8);
                        int colon = decoded.indexOf(':');
                        return colon < 0 ? Optional.empty()
                                : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
