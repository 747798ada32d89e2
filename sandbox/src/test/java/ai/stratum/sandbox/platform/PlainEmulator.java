package ai.stratum.sandbox.platform;

import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;

import java.util.Optional;

/** A minimal platform for testing the server around emulators: it names what it was asked for. */
final class PlainEmulator implements PlatformEmulator {

    @Override
    public Platform platform() {
        return Platform.META;
    }

    @Override
    public boolean isOAuth(ApiRequest request) {
        return request.path().startsWith("/oauth/");
    }

    @Override
    public Optional<String> accessToken(ApiRequest request) {
        return request.bearerToken();
    }

    @Override
    public ApiResponse handle(ApiRequest request, PlatformState state) {
        if (request.path().equals("/v1/echo")) {
            Json.read(request.body().isEmpty() ? "{}" : request.body());
            return ApiResponse.json(200, Json.write(Json.object().put("path", request.path())));
        }
        if (request.path().equals("/oauth/token")) {
            return ApiResponse.json(200, Json.write(Json.object().put("token", "issued")));
        }
        return ApiResponse.json(404, "{\"error\":\"unknown path\"}");
    }

    @Override
    public ApiResponse fault(Fault fault, ApiRequest request) {
        String kind = fault.getClass().getSimpleName();
        int status = fault instanceof Fault.ServerError error ? error.status() : fault instanceof Fault.Malformed ? 200 : 400;
        return ApiResponse.json(status, fault instanceof Fault.Malformed ? "{\"truncated\": [" : "{\"fault\":\"" + kind + "\"}");
    }

    @Override
    public ApiResponse badRequest(String message) {
        return ApiResponse.json(400, Json.write(Json.object().put("bad_request", message)));
    }
}
