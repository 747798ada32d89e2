package ai.stratum.sandbox.meta;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.Mutation;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /{id}} with form fields, Meta's update of an object, answering {@code {"success":true}}:
 * <ul>
 *   <li>a campaign takes {@code daily_budget} (minor units) and {@code status}; a simulated campaign
 *       has a daily campaign budget, so a non-zero {@code lifetime_budget} is refused;</li>
 *   <li>an ad set takes {@code bid_amount} (minor units, at least 1) and {@code status}; its budget is
 *       the campaign's, so {@code daily_budget} and {@code lifetime_budget} are refused;</li>
 *   <li>{@code status} is one of {@code ACTIVE}, {@code PAUSED}, {@code ARCHIVED}, {@code DELETED}.</li>
 * </ul>
 * Every field is checked before any is applied. A field the simulation cannot change is refused with
 * Meta's invalid-parameter error rather than ignored; {@code execution_options=["validate_only"]}
 * checks without applying. Each update that changes something is recorded as one {@link Mutation}
 * naming the fields changed ({@code daily_budget=5000,status=PAUSED}); Meta's update endpoint takes
 * no idempotency key, so none is recorded. (The titles and messages of the two budget refusals are
 * the sandbox's words: Meta documents neither their subcodes nor their texts.)
 */
final class EntityUpdates {

    /** Parameters of any Graph request that are not fields of the object. */
    private static final Set<String> REQUEST_PARAMS =
            Set.of("access_token", "appsecret_proof", "fields", "execution_options", "method", "pretty", "format");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,15}");
    private static final String STATUSES = "{ACTIVE, PAUSED, DELETED, ARCHIVED}";

    private EntityUpdates() {
    }

    static ObjectNode update(GraphRequest request, PlatformState state, AdSetStatuses adSets, String id) {
        Nodes.Node node = Nodes.find(state, id, "POST");
        Map<String, String> fields = new LinkedHashMap<>(request.params());
        fields.keySet().removeAll(REQUEST_PARAMS);
        boolean validateOnly = request.param("execution_options").filter(o -> o.contains("validate_only")).isPresent();
        SimulatedAccount account;
        List<String> changes;
        if (node instanceof Nodes.Campaign campaign) {
            account = campaign.account();
            changes = campaign(account, campaign.campaign(), fields, validateOnly);
        } else if (node instanceof Nodes.AdSet adSet) {
            account = adSet.account();
            changes = adSet(account, adSet.campaign(), adSets, fields, validateOnly);
        } else {
            throw notChangeable(fields.keySet().stream().findFirst().orElse("(none)"), nodeType(node));
        }
        if (!changes.isEmpty()) {
            state.record(new Mutation(state.clock().instant(), account.accountId(), id, String.join(",", changes),
                    Optional.empty()));
        }
        return Json.object().put("success", true);
    }

    private static List<String> campaign(SimulatedAccount account, SimulatedCampaign campaign, Map<String, String> fields,
                                         boolean validateOnly) {
        Long budget = null;
        EntityStatus status = null;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            switch (field.getKey()) {
                case "daily_budget" -> budget = MetaUnits.fromMinorUnits(whole(field), account.currency());
                case "lifetime_budget" -> {
                    if (whole(field) != 0) {
                        throw GraphErrors.invalidParameter("Budget Type Can't Be Changed", "This campaign has a daily "
                                + "budget. A campaign's budget can't be switched from daily to lifetime.");
                    }
                }
                case "status" -> status = status(field.getValue());
                default -> throw notChangeable(field.getKey(), "Campaign");
            }
        }
        List<String> changes = new ArrayList<>();
        if (validateOnly) {
            return changes;
        }
        if (budget != null && budget != campaign.dailyBudgetMicros()) {
            campaign.setDailyBudget(budget, account.today());
            changes.add("daily_budget=" + fields.get("daily_budget").trim());
        }
        if (status != null && status != campaign.status()) {
            campaign.setStatus(status, account.today());
            changes.add("status=" + status.name());
        }
        return changes;
    }

    private static List<String> adSet(SimulatedAccount account, SimulatedCampaign campaign, AdSetStatuses adSets,
                                      Map<String, String> fields, boolean validateOnly) {
        Long bid = null;
        EntityStatus status = null;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            switch (field.getKey()) {
                case "bid_amount" -> {
                    long minorUnits = whole(field);
                    if (minorUnits < 1) {
                        throw GraphErrors.invalidParameter("Param bid_amount must be at least 1");
                    }
                    bid = MetaUnits.fromMinorUnits(minorUnits, account.currency());
                }
                case "daily_budget", "lifetime_budget" -> throw GraphErrors.invalidParameter(
                        "Campaign Budget Is Set", "This ad set's campaign uses a campaign budget, so the ad set "
                                + "can't have a budget of its own.");
                case "status" -> status = status(field.getValue());
                default -> throw notChangeable(field.getKey(), "AdSet");
            }
        }
        List<String> changes = new ArrayList<>();
        if (validateOnly) {
            return changes;
        }
        String adSetId = campaign.profile().adSetId();
        if (bid != null && bid != campaign.bidMicros()) {
            campaign.setBid(bid);
            changes.add("bid_amount=" + fields.get("bid_amount").trim());
        }
        if (status != null && status != adSets.of(adSetId)) {
            adSets.set(adSetId, status);
            changes.add("status=" + status.name());
        }
        return changes;
    }

    private static String nodeType(Nodes.Node node) {
        if (node instanceof Nodes.Account) {
            return "AdAccount";
        }
        return node instanceof Nodes.Audience ? "CustomAudience" : "AdsPixel";
    }

    private static long whole(Map.Entry<String, String> field) {
        String value = field.getValue().trim();
        if (!WHOLE.matcher(value).matches()) {
            throw GraphErrors.invalidParameter("Param " + field.getKey() + " must be a non-negative integer");
        }
        return Long.parseLong(value);
    }

    private static EntityStatus status(String value) {
        return switch (value.trim()) {
            case "ACTIVE" -> EntityStatus.ACTIVE;
            case "PAUSED" -> EntityStatus.PAUSED;
            case "ARCHIVED" -> EntityStatus.ARCHIVED;
            case "DELETED" -> EntityStatus.DELETED;
            default -> throw GraphErrors.invalidParameter("Param status must be one of " + STATUSES);
        };
    }

    private static GraphException notChangeable(String field, String nodeType) {
        return GraphErrors.invalidParameter("Param " + field + " is not a field of " + nodeType
                + " that the sandbox's Marketing API can update");
    }
}
