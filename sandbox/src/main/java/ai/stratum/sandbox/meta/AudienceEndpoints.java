package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.Audiences;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Customer-list Custom Audiences:
 * <ul>
 *   <li>{@code POST /act_{id}/customaudiences} with {@code name}, {@code subtype=CUSTOM} and
 *       {@code customer_file_source} answers {@code {"id"}};
 *       {@code GET /act_{id}/customaudiences} lists the account's audiences;</li>
 *   <li>{@code POST} (add) and {@code DELETE} (remove) {@code /{audience_id}/users} with
 *       {@code payload={"schema":"EMAIL_SHA256","data":[...]}}, at most {@value #MAX_ENTRIES} entries a
 *       call, answer {@code {"audience_id","session_id","num_received","num_invalid_entries",
 *       "invalid_entry_samples"}}; a hashed entry that is not 64 hex digits is invalid and not
 *       applied. Single-key schemas only: {@code EMAIL_SHA256}, {@code PHONE_SHA256}, {@code MADID},
 *       {@code EXTERN_ID};</li>
 *   <li>{@code GET /{audience_id}}: Meta gives no count of identifiers received, only a range of the
 *       people it matched. The simulation's {@code approximate_count_lower_bound} is the number
 *       matched and {@code approximate_count_upper_bound} the number of members uploaded (no more
 *       people than that can match), both JSON numbers, with {@code operation_status}
 *       {@code {"code":200,"description":"Normal"}}.</li>
 * </ul>
 */
final class AudienceEndpoints {

    /** Meta's limit of entries per {@code /users} call. */
    static final int MAX_ENTRIES = 10_000;

    private static final Set<String> SCHEMAS = Set.of("EMAIL_SHA256", "PHONE_SHA256", "MADID", "EXTERN_ID");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AudienceEndpoints() {
    }

    static ObjectNode create(GraphRequest request, PlatformState state, SimulatedAccount account) {
        String name = request.required("name");
        String subtype = request.required("subtype");
        if (!subtype.equals("CUSTOM")) {
            throw GraphErrors.invalidParameter("subtype " + subtype + " is not simulated: the sandbox keeps "
                    + "customer-list (CUSTOM) audiences only");
        }
        request.required("customer_file_source");
        Audiences.Audience audience = state.audiences().create(account.accountId(), name);
        return Json.object().put("id", audience.id());
    }

    static ObjectNode list(GraphRequest request, PlatformState state, SimulatedAccount account) {
        Fields fields = request.fields("id");
        List<Audiences.Audience> audiences = state.audiences().ids().stream().sorted()
                .map(id -> state.audiences().find(id).orElseThrow())
                .filter(audience -> audience.accountId().equals(account.accountId())).toList();
        return GraphPaging.page(request, GraphPaging.numbered(audiences), audience -> node(state, audience, fields));
    }

    static ObjectNode node(PlatformState state, Audiences.Audience audience, Fields fields) {
        ObjectNode node = Json.object();
        for (String field : fields.names()) {
            switch (field) {
                case "id" -> node.put("id", audience.id());
                case "account_id" -> node.put("account_id", audience.accountId().replaceFirst("^act_", ""));
                case "name" -> node.put("name", audience.name());
                case "subtype" -> node.put("subtype", "CUSTOM");
                case "approximate_count_lower_bound" -> node.put(field, state.audiences().matched(audience.id()));
                case "approximate_count_upper_bound" -> node.put(field, state.audiences().members(audience.id()).size());
                case "operation_status" -> node.putObject(field).put("code", 200).put("description", "Normal");
                default -> throw GraphErrors.nonexistingField(field, "CustomAudience");
            }
        }
        if (!fields.has("id")) {
            node.put("id", audience.id());
        }
        return node;
    }

    /**
     * @param add whether the entries are added ({@code POST}) or removed ({@code DELETE})
     */
    static ObjectNode users(GraphRequest request, PlatformState state, Audiences.Audience audience, boolean add) {
        JsonNode payload;
        try {
            payload = Json.read(request.required("payload"));
        } catch (Json.BadRequest e) {
            throw GraphErrors.invalidParameter("param payload must be a JSON object with schema and data");
        }
        JsonNode schema = payload.path("schema");
        JsonNode data = payload.path("data");
        if (!schema.isTextual() || !data.isArray()) {
            throw GraphErrors.invalidParameter("param payload must be a JSON object with a schema and a data list;"
                    + " the sandbox simulates single-key schemas");
        }
        if (!SCHEMAS.contains(schema.asText())) {
            throw GraphErrors.invalidParameter("schema " + schema.asText() + " is not one of " + SCHEMAS);
        }
        if (data.size() > MAX_ENTRIES) {
            throw GraphErrors.invalidParameter("payload has " + data.size() + " entries; at most " + MAX_ENTRIES
                    + " may be sent in one request");
        }
        boolean hashed = schema.asText().endsWith("_SHA256");
        List<String> valid = new ArrayList<>();
        ObjectNode samples = Json.object();
        int invalid = 0;
        for (JsonNode entry : data) {
            String value = entry.isTextual() ? entry.asText() : "";
            if (value.isEmpty() || (hashed && !SHA256.matcher(value).matches())) {
                invalid++;
                if (samples.size() < 5) {
                    samples.put(entry.asText(), schema.asText());
                }
            } else {
                valid.add(value);
            }
        }
        if (add) {
            state.audiences().add(audience.id(), valid);
        } else {
            state.audiences().remove(audience.id(), valid);
        }
        ObjectNode answer = Json.object().put("audience_id", audience.id())
                .put("session_id", Long.toUnsignedString(RANDOM.nextLong()))
                .put("num_received", data.size()).put("num_invalid_entries", invalid);
        answer.set("invalid_entry_samples", samples);
        return answer;
    }

    /** @return the audience of a {@code /{audience_id}/users} path, or Meta's error */
    static Audiences.Audience require(PlatformState state, String id, String method) {
        Nodes.Node node = Nodes.find(state, id, method);
        if (node instanceof Nodes.Audience audience) {
            return audience.audience();
        }
        throw GraphErrors.unsupported(method, id);
    }
}
