package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.platform.Tokens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Snap's OAuth 2.0 on the accounts host.
 *
 * <ul>
 *   <li>{@code GET /login/oauth2/authorize?client_id&redirect_uri&response_type=code&scope&state}: the user
 *       approves at once — 302 to {@code redirect_uri?code=…&state=…}. An unknown client or a missing
 *       redirect URI is an error page (400, no redirect, as RFC 6749 wants); a wrong response type or a
 *       scope without {@value #SCOPE} is redirected back with the RFC 6749 error.</li>
 *   <li>{@code POST /login/oauth2/access_token}, form-encoded, the client in the form ({@code client_id},
 *       {@code client_secret}) or as HTTP Basic: {@code grant_type=authorization_code} with {@code code} and
 *       {@code redirect_uri}, or {@code grant_type=refresh_token} with {@code refresh_token}. Success is
 *       {@code {access_token, token_type: "Bearer", expires_in, refresh_token, scope}} as recorded; failures
 *       are RFC 6749 {@code {error, error_description}}: 401 {@code invalid_client} for a wrong client,
 *       400 {@code invalid_grant} for a used, unknown or revoked code or refresh token.</li>
 * </ul>
 */
final class OAuthEndpoints {

    static final String PREFIX = "/login/oauth2/";
    static final String SCOPE = "snapchat-marketing-api";

    private final PlatformState state;

    OAuthEndpoints(PlatformState state) {
        this.state = state;
    }

    ApiResponse handle(ApiRequest request) {
        if (request.path().equals(PREFIX + "authorize") && request.method().equals("GET")) {
            return authorize(request);
        }
        if (request.path().equals(PREFIX + "access_token") && request.method().equals("POST")) {
            return token(request.form(), request.header("Authorization"));
        }
        return error(404, "invalid_request", "No OAuth endpoint " + request.method() + " " + request.path());
    }

    private ApiResponse authorize(ApiRequest request) {
        Optional<String> clientId = request.queryParam("client_id");
        if (clientId.filter(Tokens.CLIENT_ID::equals).isEmpty()) {
            return error(400, "invalid_client", "Unknown client_id: " + clientId.orElse("(none)"));
        }
        Optional<String> redirectUri = request.queryParam("redirect_uri").filter(uri -> !uri.isBlank());
        if (redirectUri.isEmpty()) {
            return error(400, "invalid_request", "redirect_uri is required");
        }
        Optional<String> stateParam = request.queryParam("state");
        if (!request.queryParam("response_type").orElse("").equals("code")) {
            return redirect(redirectUri.get(), Map.of("error", "unsupported_response_type"), stateParam);
        }
        if (!request.queryParam("scope").orElse("").contains(SCOPE)) {
            return redirect(redirectUri.get(), Map.of("error", "invalid_scope"), stateParam);
        }
        return redirect(redirectUri.get(), Map.of("code", state.tokens().issueCode(redirectUri.get())), stateParam);
    }

    private ApiResponse token(Map<String, String> form, Optional<String> authorization) {
        String[] client = basicClient(authorization)
                .orElse(new String[] {form.getOrDefault("client_id", ""), form.getOrDefault("client_secret", "")});
        String grantType = form.getOrDefault("grant_type", "");
        if (grantType.isEmpty()) {
            return error(400, "invalid_request", "grant_type is required");
        }
        if (!state.tokens().isClient(client[0], client[1])) {
            return error(401, "invalid_client", "Client authentication failed");
        }
        return switch (grantType) {
            case "authorization_code" -> {
                String code = form.getOrDefault("code", "");
                String redirectUri = form.getOrDefault("redirect_uri", "");
                if (code.isEmpty() || redirectUri.isEmpty()) {
                    yield error(400, "invalid_request", "code and redirect_uri are required");
                }
                yield state.tokens().exchange(code, redirectUri).map(this::granted)
                        .orElseGet(() -> error(400, "invalid_grant", "Invalid authorization code"));
            }
            case "refresh_token" -> {
                String refreshToken = form.getOrDefault("refresh_token", "");
                if (refreshToken.isEmpty()) {
                    yield error(400, "invalid_request", "refresh_token is required");
                }
                yield state.tokens().refresh(refreshToken).map(this::granted)
                        .orElseGet(() -> error(400, "invalid_grant", "Invalid refresh token"));
            }
            default -> error(400, "unsupported_grant_type", "Unsupported grant_type: " + grantType);
        };
    }

    private ApiResponse granted(Tokens.Grant grant) {
        long expiresIn = Math.max(0, Duration.between(state.clock().instant(), grant.expiresAt()).toSeconds());
        return ApiResponse.json(200, Json.write(Json.object()
                .put("access_token", grant.accessToken())
                .put("token_type", "Bearer")
                .put("expires_in", expiresIn)
                .put("refresh_token", grant.refreshToken())
                .put("scope", SCOPE)));
    }

    private static ApiResponse redirect(String redirectUri, Map<String, String> fields, Optional<String> state) {
        StringJoiner query = new StringJoiner("&");
        fields.forEach((name, value) -> query.add(name + "=" + encode(value)));
        state.ifPresent(value -> query.add("state=" + encode(value)));
        String location = redirectUri + (redirectUri.contains("?") ? "&" : "?") + query;
        return new ApiResponse(302, Map.of("Location", location), "");
    }

    private static Optional<String[]> basicClient(Optional<String> authorization) {
        return authorization.filter(value -> value.regionMatches(true, 0, "Basic ", 0, 6)).map(value -> {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new String[] {"", ""};
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? new String[] {decoded, ""}
                    : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        });
    }

    private static ApiResponse error(int status, String error, String description) {
        return ApiResponse.json(status, Json.write(Json.object().put("error", error)
                .put("error_description", description)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
