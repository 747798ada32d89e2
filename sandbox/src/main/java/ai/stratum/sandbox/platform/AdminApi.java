package ai.stratum.sandbox.platform;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sandbox's own API on each platform's port, for people and tests to steer the simulation:
 * <pre>
 * GET    /_sandbox/accounts                    the accounts, their campaigns' state and EMQ
 * POST   /_sandbox/faults                      {"type":"RATE_LIMIT","requests":3,"retryAfterSeconds":2}
 *                                              types RATE_LIMIT, SERVER_ERROR (status), LATENCY (delayMillis),
 *                                              MALFORMED, TOKEN_EXPIRED, TOKEN_REVOKED
 * DELETE /_sandbox/faults                      forget queued faults
 * POST   /_sandbox/accounts/{id}/stale         {"hours":72}: data that much older than usual (0 restores)
 * POST   /_sandbox/accounts/{id}/emq           {"score":3.5}: every dataset's event-match quality
 * GET    /_sandbox/mutations                   the changes applied through the platform's API
 * </pre>
 */
final class AdminApi {

    static final String PREFIX = "/_sandbox/";

    private final PlatformState state;

    AdminApi(PlatformState state) {
        this.state = state;
    }

    ApiResponse handle(ApiRequest request) {
        List<String> path = request.segments().subList(1, request.segments().size());
        try {
            return route(request.method(), path, request);
        } catch (Json.BadRequest | IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
    }

    private ApiResponse route(String method, List<String> path, ApiRequest request) {
        String first = path.isEmpty() ? "" : path.get(0);
        if (first.equals("faults") && path.size() == 1) {
            if (method.equals("POST")) {
                return injectFault(Json.read(request.body()));
            }
            if (method.equals("DELETE")) {
                state.faults().clear();
                return ok();
            }
        }
        if (first.equals("accounts") && path.size() == 1 && method.equals("GET")) {
            return ApiResponse.json(200, Json.write(accounts()));
        }
        if (first.equals("mutations") && path.size() == 1 && method.equals("GET")) {
            return ApiResponse.json(200, Json.write(state.mutations().stream().map(m -> Json.object()
                    .put("at", m.at().toString()).put("accountId", m.accountId()).put("entityId", m.entityId())
                    .put("change", m.change()).put("idempotencyKey", m.idempotencyKey().orElse(null))).toList()));
        }
        if (first.equals("accounts") && path.size() == 3 && method.equals("POST")) {
            Optional<SimulatedAccount> account = state.account(path.get(1));
            if (account.isEmpty()) {
                return error(404, "no account " + path.get(1));
            }
            JsonNode body = Json.read(request.body());
            switch (path.get(2)) {
                case "stale" -> account.get().makeStale(Duration.ofMinutes(Math.round(number(body, "hours") * 60)));
                case "emq" -> account.get().setEmq(number(body, "score"));
                default -> {
                    return error(404, "no admin action " + path.get(2));
                }
            }
            return ok();
        }
        return error(404, "no admin route " + method + " " + request.path());
    }

    private ApiResponse injectFault(JsonNode body) {
        String type = text(body, "type").toUpperCase(Locale.ROOT);
        int requests = body.path("requests").asInt(1);
        Fault fault = switch (type) {
            case "RATE_LIMIT" -> new Fault.RateLimit(Duration.ofSeconds(body.path("retryAfterSeconds").asLong(60)));
            case "SERVER_ERROR" -> new Fault.ServerError(body.path("status").asInt(503));
            case "LATENCY" -> new Fault.Latency(Duration.ofMillis(body.path("delayMillis").asLong(5_000)));
            case "MALFORMED" -> new Fault.Malformed();
            case "TOKEN_EXPIRED" -> new Fault.TokenExpired();
            case "TOKEN_REVOKED" -> new Fault.TokenRevoked();
            default -> throw new Json.BadRequest("unknown fault type " + type + "; one of RATE_LIMIT, SERVER_ERROR, "
                    + "LATENCY, MALFORMED, TOKEN_EXPIRED, TOKEN_REVOKED");
        };
        state.faults().inject(fault, requests);
        return ok();
    }

    private ArrayNode accounts() {
        ArrayNode accounts = Json.array();
        for (SimulatedAccount account : state.accounts()) {
            ObjectNode node = accounts.addObject()
                    .put("accountId", account.accountId()).put("name", account.name())
                    .put("currency", account.currency()).put("timezone", account.zone().getId())
                    .put("newestDataAt", account.newestDataAt().toString());
            account.datasetEmq().forEach((dataset, score) -> node.putObject("emq").put(dataset, score));
            ArrayNode campaigns = node.putArray("campaigns");
            account.campaigns().forEach(campaign -> campaigns.addObject()
                    .put("id", campaign.id()).put("name", campaign.profile().name())
                    .put("status", campaign.status().name()).put("dailyBudgetMicros", campaign.dailyBudgetMicros())
                    .put("adSetId", campaign.profile().adSetId()).put("bidMicros", campaign.bidMicros()));
        }
        return accounts;
    }

    private static double number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isNumber()) {
            throw new Json.BadRequest("field " + field + " must be a number");
        }
        return value.asDouble();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new Json.BadRequest("field " + field + " must be a string");
        }
        return value.asText();
    }

    private static ApiResponse ok() {
        return ApiResponse.json(200, "{\"ok\":true}");
    }

    private static ApiResponse error(int status, String message) {
        return ApiResponse.json(status, Json.write(Json.object().put("error", message)));
    }
}
