package ai.stratum.sandbox.google;

import ai.stratum.sandbox.google.Operations.Mutator;
import ai.stratum.sandbox.google.Operations.Planned;
import ai.stratum.sandbox.http.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v26/customers/{id}/{collection}:mutate} for {@code campaigns},
 * {@code campaignBudgets}, {@code adGroups} and {@code userLists}, with Google's request fields:
 * {@code operations} (at most 10,000), {@code partialFailure}, {@code validateOnly} and
 * {@code responseContentType}.
 * <ul>
 *   <li>Every operation is checked before any applies. Without partial failure one refused
 *       operation refuses the request (400, each error at {@code operations[i]}) and nothing
 *       changes; with it the others apply, the refused ones get an empty result, and
 *       {@code partialFailureError} lists the errors.</li>
 *   <li>{@code validateOnly}: checks only, and answers {@code {}} (or the partial failure).</li>
 *   <li>Results: {@code results[{resourceName}]}, with the changed resource under its name when
 *       {@code responseContentType} is {@code MUTABLE_RESOURCE}.</li>
 *   <li>Google's mutate takes no idempotency key; operations are absolute, so a repeat changes
 *       nothing. Each change actually made is recorded as a sandbox {@code Mutation}.</li>
 * </ul>
 */
final class MutateEndpoint {

    static final int MAX_OPERATIONS = 10_000;

    private final Map<String, Mutator> mutators = Map.of(
            "campaigns", new CampaignMutator(),
            "campaignBudgets", new BudgetMutator(),
            "adGroups", new AdGroupMutator(),
            "userLists", new UserListMutator());

    boolean serves(String collection) {
        return mutators.containsKey(collection);
    }

    ApiResponse answer(GoogleCall call, String collection, JsonNode body) {
        Mutator mutator = mutators.get(collection);
        JsonNode operations = body.path("operations");
        if (!operations.isArray() || operations.isEmpty()) {
            throw AdsFailure.invalidArgument(AdsError.of("requestError", "REQUIRED_FIELD_MISSING",
                    "Required field was not set.").at("operations"));
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw AdsFailure.invalidArgument(AdsError.of("requestError", "TOO_MANY_MUTATE_OPERATIONS",
                    "Received too many entries in request."));
        }
        List<Planned> plans = new ArrayList<>();
        List<AdsError> errors = new ArrayList<>();
        Set<String> changed = new HashSet<>();
        for (int i = 0; i < operations.size(); i++) {
            try {
                Operations.requireOne(operations.get(i));
                Planned plan = mutator.plan(call, operations.get(i), i);
                if (plan.key() != null && !changed.add(plan.key())) {
                    throw new OperationError("mutateError", "ID_EXISTS_IN_MULTIPLE_MUTATES",
                            "Cannot mutate the same resource twice in one request.");
                }
                plans.add(plan);
            } catch (OperationError e) {
                errors.add(e.error().atOperation(i));
                plans.add(null);
            }
        }
        boolean partialFailure = body.path("partialFailure").asBoolean(false);
        if (!errors.isEmpty() && !partialFailure) {
            throw AdsFailure.invalidArgument(errors);
        }
        ObjectNode answer = GoogleJson.object();
        if (!body.path("validateOnly").asBoolean(false)) {
            boolean mutable = "MUTABLE_RESOURCE".equals(body.path("responseContentType").asText());
            ArrayNode results = answer.putArray("results");
            for (Planned plan : plans) {
                ObjectNode result = results.addObject();
                if (plan != null) {
                    result.put("resourceName", plan.apply().get());
                    if (mutable && plan.resource() != null) {
                        result.set(plan.resultField(), plan.resource().get());
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            answer.set("partialFailureError", GoogleErrors.partialFailure(errors, call.requestId()));
        }
        return GoogleErrors.json(200, answer, call.requestId());
    }
}
