package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.AudienceMatch;
import ai.stratum.plugin.api.AudienceSync;
import ai.stratum.plugin.api.AudienceUpdate;
import ai.stratum.plugin.api.AudienceUpdateResult;
import ai.stratum.plugin.api.ConnectorContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.pf4j.Extension;

/**
 * Customer-list Custom Audiences.
 * <ul>
 *   <li>Create: {@code POST /act_{id}/customaudiences} with {@code subtype=CUSTOM} and
 *       {@code customer_file_source=USER_PROVIDED_ONLY} (the advertiser collected the data itself).</li>
 *   <li>Update: {@code POST} (add) and {@code DELETE} (remove) {@code /{audience_id}/users} with a
 *       {@code payload} per batch ({@link AudiencePayloads}); Meta answers each with
 *       {@code num_received} and {@code num_invalid_entries}, which are summed.</li>
 *   <li>Match: {@code GET /{audience_id}?fields=approximate_count_lower_bound,approximate_count_upper_bound,operation_status}.
 *       Meta gives only a range for the matched people, not a count of uploaded identifiers, so
 *       the matched count is the range's lower bound and the audience size the upper bound.</li>
 * </ul>
 */
@Extension
public class MetaAudienceSync implements AudienceSync {

    static final String DESCRIPTION = "Customer list kept in step by Stratum";
    static final String MATCH_FIELDS =
            "approximate_count_lower_bound,approximate_count_upper_bound,operation_status";

    @Override
    public String connectorId() {
        return MetaPlatformInfo.CONNECTOR_ID;
    }

    @Override
    public CompletionStage<String> createAudience(ConnectorContext context, String accountId, String name) {
        return Stages.defer(() -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("name", name);
            form.put("subtype", "CUSTOM");
            form.put("customer_file_source", "USER_PROVIDED_ONLY");
            form.put("description", DESCRIPTION);
            URI uri = GraphUrls.of(context).api(GraphIds.adAccount(accountId) + "/customaudiences", Map.of());
            // not repeatable: a resend after a lost answer would create a second audience
            return GraphClient.api(context).post(uri, form, false)
                    .thenApply(answer -> GraphIds.node(
                            JsonFields.requiredText(answer.json(), "id", "the new audience")));
        });
    }

    @Override
    public CompletionStage<AudienceUpdateResult> update(ConnectorContext context, AudienceUpdate update) {
        return Stages.defer(() -> {
            URI users = GraphUrls.of(context).api(GraphIds.node(update.audienceId()) + "/users", Map.of());
            List<Batch> batches = new ArrayList<>();
            AudiencePayloads.batches(update.identifierType(), update.added())
                    .forEach(payload -> batches.add(new Batch(true, payload)));
            AudiencePayloads.batches(update.identifierType(), update.removed())
                    .forEach(payload -> batches.add(new Batch(false, payload)));
            return send(GraphClient.api(context), users, batches, 0, new AudienceUpdateResult(0, 0));
        });
    }

    @Override
    public CompletionStage<AudienceMatch> match(ConnectorContext context, String accountId, String audienceId) {
        return Stages.defer(() -> {
            String audience = GraphIds.node(audienceId);
            URI uri = GraphUrls.of(context).api(audience, Map.of("fields", MATCH_FIELDS));
            return GraphClient.api(context).get(uri).thenApply(answer -> {
                String what = "audience " + audience;
                long lower = JsonFields.requiredLong(answer.json(), "approximate_count_lower_bound", what);
                long upper = JsonFields.requiredLong(answer.json(), "approximate_count_upper_bound", what);
                if (lower < 0 || upper < lower) {
                    throw JsonFields.malformed(what + " has an impossible size range: " + lower + " to " + upper);
                }
                return new AudienceMatch(audience, upper, lower, context.clock().instant());
            });
        });
    }

    /** A payload to add ({@code POST}) or remove ({@code DELETE}). */
    private record Batch(boolean add, String payload) {
    }

    private static CompletionStage<AudienceUpdateResult> send(GraphClient client, URI users, List<Batch> batches,
            int index, AudienceUpdateResult sofar) {
        if (index == batches.size()) {
            return CompletableFuture.completedStage(sofar);
        }
        Batch batch = batches.get(index);
        Map<String, String> form = Map.of("payload", batch.payload());
        // adding a present identifier or removing an absent one is harmless, so both may be resent
        CompletionStage<GraphResponse> answer = batch.add()
                ? client.post(users, form, true)
                : client.delete(users, form);
        return answer.thenCompose(received -> send(client, users, batches, index + 1, plus(sofar, received.json())));
    }

    private static AudienceUpdateResult plus(AudienceUpdateResult sofar, JsonNode answer) {
        long received = JsonFields.requiredLong(answer, "num_received", "the audience update answer");
        long invalid = JsonFields.optionalLong(answer, "num_invalid_entries", "the audience update answer").orElse(0L);
        if (received < 0 || invalid < 0 || invalid > received) {
            throw JsonFields.malformed("the audience update answer counts " + invalid + " invalid of " + received);
        }
        return new AudienceUpdateResult(sofar.received() + received, sofar.invalid() + invalid);
    }
}
