package ai.stratum.server.autopilot.rules;

import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An action a rule would like the autopilot to take. It is only a proposal: the autopilot mode
 * decides whether it may be made and the trust gate whether it executes, waits or is refused.
 *
 * <p>Parameters hold plain values (numbers, strings) so they can be stored and shown as JSON:
 * <ul>
 *   <li>budget changes: {@value #BUDGET_MICROS} and {@value #PREVIOUS_BUDGET_MICROS} (long),
 *       {@value #CURRENCY} and {@value #BUDGET_PERIOD} (string), {@value #CHANGE_PCT} (double,
 *       signed; what the caller adds, unsigned, to the day's budget movement);</li>
 *   <li>pauses: {@value #STATUS} = {@code PAUSED}.</li>
 * </ul>
 *
 * @param platform   the ad platform
 * @param accountId  the platform's ad account id
 * @param entityType what the action addresses; the built-in rules address campaigns
 * @param entityId   the platform's id of that entity
 * @param actionType the platform action
 * @param parameters the action's values, keyed as above; unmodifiable, in insertion order
 * @param rule       the rule that proposed it
 * @param reason     why, with the numbers that drove it, for the person who approves or audits it
 */
public record Proposal(
        Platform platform,
        String accountId,
        EntityType entityType,
        String entityId,
        ActionType actionType,
        Map<String, Object> parameters,
        RuleType rule,
        String reason) {

    /** Parameter: the proposed budget, in micros. */
    public static final String BUDGET_MICROS = "budgetMicros";
    /** Parameter: the budget before the change, in micros. */
    public static final String PREVIOUS_BUDGET_MICROS = "previousBudgetMicros";
    /** Parameter: the ISO 4217 code of the budget amounts. */
    public static final String CURRENCY = "currency";
    /** Parameter: the budget's period, a {@link ai.stratum.plugin.api.BudgetPeriod} name. */
    public static final String BUDGET_PERIOD = "budgetPeriod";
    /** Parameter: the signed change in percent of the previous budget. */
    public static final String CHANGE_PCT = "changePct";
    /** Parameter: the target delivery status, an {@link EntityStatus} name. */
    public static final String STATUS = "status";

    /**
     * Creates a proposal; the parameters are copied.
     *
     * @throws IllegalArgumentException when the reason is blank or a parameter is null
     */
    public Proposal {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(actionType, "actionType");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a proposal needs a reason");
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        parameters.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "parameter name"),
                Objects.requireNonNull(value, () -> "parameter " + key)));
        parameters = Collections.unmodifiableMap(copy);
    }

    /** A change of the campaign's budget, as {@link BudgetStep} planned it. */
    static Proposal budgetChange(CampaignState campaign, RuleType rule, BudgetMove move, String reason) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(BUDGET_MICROS, move.newMicros());
        parameters.put(PREVIOUS_BUDGET_MICROS, move.previousMicros());
        parameters.put(CURRENCY, campaign.currency());
        parameters.put(BUDGET_PERIOD, campaign.budgetPeriod().name());
        parameters.put(CHANGE_PCT, move.changePct());
        return new Proposal(campaign.platform(), campaign.accountId(), EntityType.CAMPAIGN, campaign.campaignId(),
                move.direction().actionType(), parameters, rule, reason);
    }

    /** A pause of the campaign for underperforming. */
    static Proposal pause(CampaignState campaign, RuleType rule, String reason) {
        return new Proposal(campaign.platform(), campaign.accountId(), EntityType.CAMPAIGN, campaign.campaignId(),
                ActionType.PAUSE_UNDERPERFORMING, Map.of(STATUS, EntityStatus.PAUSED.name()), rule, reason);
    }

    /** Whether the proposal sets a budget. */
    public boolean changesBudget() {
        return switch (actionType) {
            case UPDATE_BUDGET, INCREASE_BUDGET, REDUCE_BUDGET -> true;
            default -> false;
        };
    }

    /** Whether the proposal pauses its entity. */
    public boolean pauses() {
        return actionType == ActionType.PAUSE_UNDERPERFORMING || actionType == ActionType.PAUSE_ALL
                || (actionType == ActionType.UPDATE_STATUS && EntityStatus.PAUSED.name().equals(parameters.get(STATUS)));
    }

    /**
     * The budget the proposal sets.
     *
     * @return the amount in micros, or empty when the proposal does not set a budget
     */
    public OptionalLong budgetMicros() {
        return parameters.get(BUDGET_MICROS) instanceof Long micros && changesBudget()
                ? OptionalLong.of(micros) : OptionalLong.empty();
    }

    /**
     * The budget before the proposed change.
     *
     * @return the amount in micros, or empty when the proposal does not set a budget
     */
    public OptionalLong previousBudgetMicros() {
        return parameters.get(PREVIOUS_BUDGET_MICROS) instanceof Long micros && changesBudget()
                ? OptionalLong.of(micros) : OptionalLong.empty();
    }

    /**
     * The same proposal with another reason.
     *
     * @param newReason the reason
     * @return the proposal
     */
    public Proposal withReason(String newReason) {
        return new Proposal(platform, accountId, entityType, entityId, actionType, parameters, rule, newReason);
    }

    /** A short form for another proposal's reason, for example {@code performance_scaling INCREASE_BUDGET to 120.00 USD}. */
    String summary() {
        String text = rule.id() + " " + actionType;
        OptionalLong budget = budgetMicros();
        if (budget.isPresent() && parameters.get(CURRENCY) instanceof String currency) {
            text += " to " + ReasonText.money(budget.getAsLong(), currency);
        }
        return text;
    }
}
