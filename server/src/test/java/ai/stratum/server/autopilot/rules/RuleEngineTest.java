package ai.stratum.server.autopilot.rules;

import ai.stratum.plugin.api.ActionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static ai.stratum.server.autopilot.rules.CampaignFixture.NOW;
import static ai.stratum.server.autopilot.rules.CampaignFixture.USD;
import static ai.stratum.server.autopilot.rules.CampaignFixture.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleEngineTest {

    private final RuleEngine engine = RuleEngine.withBuiltInRules();

    /** A campaign that spent USD 700 over the week without a conversion, which status management pauses. */
    @ParameterizedTest(name = "last action {0} before now, cooldown {1} -> runs: {2}")
    @CsvSource({
            "PT23H59M59S, PT24H, false",
            "PT24H,       PT24H, true",
            "PT25H,       PT24H, true",
            "PT0S,        PT24H, false",
            "-PT1H,       PT24H, false",
            "PT0S,        PT0S,  true"})
    void staysQuietInsideTheCooldownAfterTheLastAction(Duration ago, Duration cooldown, boolean runs) {
        CampaignState state = campaign().daily(7, 100 * USD, 0, 0).lastActionAt(NOW.minus(ago)).build();
        RuleSettings status = enabled(RuleType.STATUS_MANAGEMENT).cooldown(cooldown).build();

        List<Proposal> proposals = engine.propose(state, Map.of(RuleType.STATUS_MANAGEMENT, status), NOW);

        assertThat(proposals).hasSize(runs ? 1 : 0);
    }

    @Test
    void runsWithoutACooldownWhenNothingWasEverDone() {
        CampaignState state = campaign().daily(7, 100 * USD, 0, 0).build();

        assertThat(engine.propose(state, Map.of(RuleType.STATUS_MANAGEMENT,
                enabled(RuleType.STATUS_MANAGEMENT).build()), NOW)).hasSize(1);
    }

    @Test
    void appliesEachRulesOwnCooldown() {
        CampaignState state = campaign().daily(7, 100 * USD, 0, 0).spentToday(90 * USD)
                .lastActionAt(NOW.minus(Duration.ofHours(5))).build();
        Map<RuleType, RuleSettings> settings = Map.of(
                RuleType.BUDGET_PACING, enabled(RuleType.BUDGET_PACING).build(),
                RuleType.STATUS_MANAGEMENT, enabled(RuleType.STATUS_MANAGEMENT).build());

        assertThat(engine.propose(state, settings, NOW)).singleElement()
                .satisfies(p -> assertThat(p.rule()).isEqualTo(RuleType.BUDGET_PACING));
    }

    @Test
    void runsOnlyRulesThatAreConfiguredAndEnabled() {
        CampaignState state = campaign().daily(7, 100 * USD, 0, 0).spentToday(90 * USD).build();
        Map<RuleType, RuleSettings> settings = Map.of(
                RuleType.STATUS_MANAGEMENT, RuleSettings.defaults(RuleType.STATUS_MANAGEMENT));

        assertThat(engine.propose(state, settings, NOW)).isEmpty();
        assertThat(engine.propose(state, Map.of(), NOW)).isEmpty();
    }

    @Test
    void refusesSettingsFiledUnderAnotherRule() {
        CampaignState state = campaign().build();
        Map<RuleType, RuleSettings> settings = Map.of(
                RuleType.BUDGET_PACING, RuleSettings.defaults(RuleType.STATUS_MANAGEMENT));

        assertThatThrownBy(() -> engine.propose(state, settings, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status_management filed under budget_pacing");
    }

    @Test
    void refusesTwoRulesOfOneType() {
        List<AutopilotRule> rules = List.of(new BudgetPacingRule(), new BudgetPacingRule());

        assertThatThrownBy(() -> new RuleEngine(rules)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * What each rule proposes ({@code -} nothing, {@code UP:120} a raise to USD 120, {@code DOWN:80} a
     * cut to USD 80, {@code PAUSE}) and what the engine keeps.
     */
    @ParameterizedTest(name = "pacing {0}, scaling {1}, status {2} -> {3} from {4}")
    @CsvSource({
            "UP:115,   UP:120,   -,     UP:115,   BUDGET_PACING",
            "UP:120,   UP:115,   -,     UP:115,   PERFORMANCE_SCALING",
            "DOWN:85,  UP:120,   -,     DOWN:85,  BUDGET_PACING",
            "UP:115,   DOWN:80,  -,     DOWN:80,  PERFORMANCE_SCALING",
            "DOWN:85,  DOWN:80,  -,     DOWN:80,  PERFORMANCE_SCALING",
            "DOWN:80,  DOWN:80,  -,     DOWN:80,  BUDGET_PACING",
            "DOWN:85,  UP:120,   PAUSE, PAUSE,    STATUS_MANAGEMENT",
            "-,        -,        PAUSE, PAUSE,    STATUS_MANAGEMENT",
            "UP:115,   -,        -,     UP:115,   BUDGET_PACING",
            "-,        -,        -,     -,        -"})
    void keepsOnePauseOrTheMostCautiousBudgetChange(String pacing, String scaling, String status, String kept,
            String from) {
        CampaignState state = campaign().build();
        RuleEngine fixed = new RuleEngine(List.of(
                new FixedRule(RuleType.BUDGET_PACING, proposal(state, RuleType.BUDGET_PACING, pacing)),
                new FixedRule(RuleType.PERFORMANCE_SCALING, proposal(state, RuleType.PERFORMANCE_SCALING, scaling)),
                new FixedRule(RuleType.STATUS_MANAGEMENT, proposal(state, RuleType.STATUS_MANAGEMENT, status))));

        List<Proposal> proposals = fixed.propose(state, allEnabled(), NOW);

        if (kept.equals("-")) {
            assertThat(proposals).isEmpty();
            return;
        }
        Proposal expected = proposal(state, RuleType.valueOf(from), kept).get(0);
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(expected.rule());
            assertThat(p.actionType()).isEqualTo(expected.actionType());
            assertThat(p.parameters()).isEqualTo(expected.parameters());
        });
    }

    @Test
    void namesTheProposalsTheWinnerTookPrecedenceOver() {
        CampaignState state = campaign().build();
        RuleEngine fixed = new RuleEngine(List.of(
                new FixedRule(RuleType.BUDGET_PACING, proposal(state, RuleType.BUDGET_PACING, "DOWN:85")),
                new FixedRule(RuleType.PERFORMANCE_SCALING, proposal(state, RuleType.PERFORMANCE_SCALING, "UP:120"))));

        assertThat(fixed.propose(state, allEnabled(), NOW)).singleElement().satisfies(p -> assertThat(p.reason())
                .isEqualTo("budget_pacing wants DOWN:85 (takes precedence over performance_scaling INCREASE_BUDGET"
                        + " to 120.00 USD)"));
    }

    @Test
    void aCutForOverspendingTodayBeatsARaiseForAGoodWeek() {
        CampaignState state = campaign().daily(7, 100 * USD, 420 * USD, 10).spentToday(90 * USD).build();
        Map<RuleType, RuleSettings> settings = Map.of(
                RuleType.BUDGET_PACING, enabled(RuleType.BUDGET_PACING).build(),
                RuleType.PERFORMANCE_SCALING, enabled(RuleType.PERFORMANCE_SCALING)
                        .targetRoas(OptionalDouble.of(3.0)).build());

        assertThat(engine.propose(state, settings, NOW)).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(RuleType.BUDGET_PACING);
            assertThat(p.actionType()).isEqualTo(ActionType.REDUCE_BUDGET);
            assertThat(p.budgetMicros()).hasValue(85_000_000L);
            assertThat(p.reason()).endsWith(
                    "(takes precedence over performance_scaling INCREASE_BUDGET to 120.00 USD)");
        });
    }

    @Test
    void aPauseReplacesABudgetCut() {
        CampaignState state = campaign().daily(7, 100 * USD, 0, 0).build();
        Map<RuleType, RuleSettings> settings = Map.of(
                RuleType.PERFORMANCE_SCALING, enabled(RuleType.PERFORMANCE_SCALING)
                        .targetRoas(OptionalDouble.of(3.0)).build(),
                RuleType.STATUS_MANAGEMENT, enabled(RuleType.STATUS_MANAGEMENT).build());

        assertThat(engine.propose(state, settings, NOW)).singleElement().satisfies(p -> {
            assertThat(p.actionType()).isEqualTo(ActionType.PAUSE_UNDERPERFORMING);
            assertThat(p.reason()).contains("takes precedence over performance_scaling REDUCE_BUDGET to 80.00 USD");
        });
    }

    private static RuleSettings.Builder enabled(RuleType type) {
        RuleSettings.Builder builder = RuleSettings.builder(type).minSpendMicros(0);
        if (type == RuleType.PERFORMANCE_SCALING) {
            builder.targetRoas(OptionalDouble.of(1.0));
        }
        return builder.enabled(true);
    }

    private static Map<RuleType, RuleSettings> allEnabled() {
        Map<RuleType, RuleSettings> settings = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            settings.put(type, enabled(type).build());
        }
        return settings;
    }

    /** {@code -}, {@code PAUSE}, {@code UP:120} or {@code DOWN:80} (USD) as the rule's proposals. */
    private static List<Proposal> proposal(CampaignState state, RuleType rule, String spec) {
        List<Proposal> proposals = new ArrayList<>();
        String reason = rule.id() + " wants " + spec;
        if (spec.equals("PAUSE")) {
            proposals.add(Proposal.pause(state, rule, reason));
        } else if (!spec.equals("-")) {
            String[] parts = spec.split(":");
            long budget = Long.parseLong(parts[1]) * USD;
            long previous = state.budgetMicros();
            BudgetMove move = new BudgetMove(BudgetDirection.valueOf(parts[0]), previous, budget,
                    (budget - previous) * 100.0 / previous, "");
            proposals.add(Proposal.budgetChange(state, rule, move, reason));
        }
        return proposals;
    }

    /** A rule that always proposes the same, to test how the engine settles conflicts. */
    private record FixedRule(RuleType type, List<Proposal> proposals) implements AutopilotRule {
        @Override
        public List<Proposal> evaluate(CampaignState campaign, RuleSettings settings, Instant now) {
            return proposals;
        }
    }
}
