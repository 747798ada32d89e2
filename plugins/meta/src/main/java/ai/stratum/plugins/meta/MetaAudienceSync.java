package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.AudienceMatch;
import ai.stratum.plugin.api.AudienceSync;
import ai.stratum.plugin.api.AudienceUpdate;
import ai.stratum.plugin.api.AudienceUpdateResult;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.IdentifierType;
import ai.stratum.plugin.api.NewAudience;
import ai.stratum.plugin.api.Telemetry;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.pf4j.Extension;

/**
 * Customer-list Custom Audiences.
 * <ul>
 *   <li>Create: {@code POST /act_{id}/customaudiences} with {@code subtype=CUSTOM} and
 *       {@code customer_file_source=USER_PROVIDED_ONLY} (the advertiser collected the data itself),
 *       then the first members added as in an update. Meta cannot create and fill a list in one call;
 *       when the members cannot be added, the stage fails and the empty audience stays on Meta
 *       (its id is logged as {@code audience.created_without_members}).</li>
 *   <li>Update: {@code POST} (add) and {@code DELETE} (remove) {@code /{audience_id}/users} with a
 *       {@code payload} per batch ({@link AudiencePayloads}); Meta answers each with
 *       {@code num_received} and {@code num_invalid_entries}, which are summed.</li>
 *   <li>Match: {@code GET /{audience_id}?fields=}{@value #MATCH_FIELDS}.
 *       Meta gives only a range of matched people and no count of uploaded identifiers, so the
 *       matched count is the range's lower bound (what Meta vouches for) and the uploaded count is
 *       left empty.</li>
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
    public CompletionStage<String> createAudience(ConnectorContext context, NewAudience audience) {
        return Stages.defer(() -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("name", audience.name());
            form.put("subtype", "CUSTOM");
            form.put("customer_file_source", "USER_PROVIDED_ONLY");
            form.put("description", DESCRIPTION);
            GraphClient client = GraphClient.api(context);
            GraphUrls urls = GraphUrls.of(context);
            URI uri = urls.api(GraphIds.adAccount(audience.accountId()) + "/customaudiences", Map.of());
            // not repeatable: a resend after a lost answer would create a second audience
            return client.post(uri, form, false)
                    .thenApply(answer -> GraphIds.node(
                            JsonFields.requiredText(answer.json(), "id", "the new audience")))
                    .thenCompose(id -> addFirstMembers(context, client, urls, id, audience));
        });
    }

    private static CompletionStage<String> addFirstMembers(ConnectorContext context, GraphClient client,
            GraphUrls urls, String id, NewAudience audience) {
        List<Batch> batches = batches(audience.identifierType(), audience.members(), List.of());
        return send(client, urls.api(id + "/users", Map.of()), batches, 0, new AudienceUpdateResult(0, 0))
                .handle((added, failure) -> {
                    if (failure != null) {
                        // the audience exists on Meta but the host never learns its id: say which it is
                        context.telemetry().log(Telemetry.Level.WARN, "audience.created_without_members",
                                Map.of("audience_id", id));
                        throw failure instanceof CompletionException completion
                                ? completion : new CompletionException(failure);
                    }
                    return id;
                });
    }

    @Override
    public CompletionStage<AudienceUpdateResult> update(ConnectorContext context, AudienceUpdate update) {
        return Stages.defer(() -> {
            URI users = GraphUrls.of(context).api(GraphIds.node(update.audienceId()) + "/users", Map.of());
            List<Batch> batches = batches(update.identifierType(), update.added(), update.removed());
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
                return new AudienceMatch(audience, OptionalLong.empty(), lower, context.clock().instant());
            });
        });
    }

    /** A payload to add ({@code POST}) or remove ({@code DELETE}). */
    private record Batch(boolean add, String payload) {
    }

    /** @return the calls of an update: every batch of additions, then every batch of removals */
    private static List<Batch> batches(IdentifierType type, List<String> added, List<String> removed) {
        List<Batch> batches = new ArrayList<>();
        AudiencePayloads.batches(type, added).forEach(payload -> batches.add(new Batch(true, payload)));
        AudiencePayloads.batches(type, removed).forEach(payload -> batches.add(new Batch(false, payload)));
        return batches;
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
