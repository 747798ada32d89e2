package ai.stratum.server.cdp.segment;

import ai.stratum.server.error.ApiException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no kind                 | {}                                                                                   | rules",
            "two kinds               | {\"trait\": {\"trait\": \"a\", \"operator\": \"EXISTS\"}, \"not\": {}}                | rules",
            "unknown kind            | {\"maybe\": 1}                                                                       | rules.maybe",
            "empty and               | {\"and\": []}                                                                        | rules.and",
            "bad window in and[1]    | {\"and\": [{\"trait\": {\"trait\": \"a\", \"operator\": \"EXISTS\"}}, {\"event\": {\"name\": \"Order Completed\", \"withinDays\": 0}}]} | rules.and[1].event.withinDays",
            "window too long         | {\"event\": {\"name\": \"x\", \"withinDays\": 3651}}                                 | rules.event.withinDays",
            "atMost below atLeast    | {\"event\": {\"name\": \"x\", \"atLeast\": 3, \"atMost\": 2}}                        | rules.event.atMost",
            "fractional count        | {\"event\": {\"name\": \"x\", \"atLeast\": 1.5}}                                     | rules.event.atLeast",
            "blank event name        | {\"event\": {\"name\": \" \"}}                                                       | rules.event.name",
            "bad property operator   | {\"event\": {\"name\": \"x\", \"property\": {\"property\": \"total\", \"operator\": \"BIGGER\", \"value\": 1}}} | rules.event.property.operator",
            "exists with a value     | {\"trait\": {\"trait\": \"plan\", \"operator\": \"EXISTS\", \"value\": \"pro\"}}     | rules.trait.value",
            "equals without value    | {\"trait\": {\"trait\": \"plan\", \"operator\": \"EQUALS\"}}                         | rules.trait.value",
            "boolean ordered         | {\"trait\": {\"trait\": \"vip\", \"operator\": \"GREATER_THAN\", \"value\": true}}   | rules.trait.value",
            "empty path segment      | {\"trait\": {\"trait\": \"a..b\", \"operator\": \"EXISTS\"}}                         | rules.trait.trait",
            "unknown trait field     | {\"trait\": {\"trait\": \"a\", \"operator\": \"EXISTS\", \"extra\": 1}}              | rules.trait.extra",
            "lifecycle ordered       | {\"field\": {\"field\": \"LIFECYCLE\", \"operator\": \"GREATER_THAN\", \"value\": \"KNOWN\"}} | rules.field.operator",
            "unknown lifecycle       | {\"field\": {\"field\": \"LIFECYCLE\", \"operator\": \"EQUALS\", \"value\": \"VIP\"}} | rules.field.value",
            "revenue sans currency   | {\"field\": {\"field\": \"TOTAL_REVENUE\", \"operator\": \"GREATER_THAN\", \"value\": 10}} | rules.field.currency",
            "count with currency     | {\"field\": {\"field\": \"ORDER_COUNT\", \"operator\": \"EQUALS\", \"value\": 1, \"currency\": \"EUR\"}} | rules.field.currency",
            "seen with both          | {\"field\": {\"field\": \"LAST_SEEN\", \"operator\": \"LESS_THAN\", \"value\": \"2026-01-01T00:00:00Z\", \"daysAgo\": 3}} | rules.field",
            "seen bad date           | {\"field\": {\"field\": \"LAST_SEEN\", \"operator\": \"LESS_THAN\", \"value\": \"yesterday\"}} | rules.field.value",
            "rfm score out of range  | {\"rfm\": {\"recency\": {\"min\": 0}}}                                               | rules.rfm.recency.min",
            "rfm unknown group       | {\"rfm\": {\"groups\": [\"CHAMPIONS\", \"WHALES\"]}}                                 | rules.rfm.groups[1]",
            "rfm empty               | {\"rfm\": {}}                                                                        | rules.rfm",
            "churn above one         | {\"churn\": {\"atLeast\": 1.5}}                                                      | rules.churn.atLeast",
            "churn empty             | {\"churn\": {}}                                                                      | rules.churn",
            "not in or[0]            | {\"or\": [{\"not\": {\"field\": {\"field\": \"EVENT_COUNT\", \"operator\": \"CONTAINS\", \"value\": 1}}}]} | rules.or[0].not.field.operator"})
    void refusesABadNodeNamingItsPath(String description, String rules, String path) throws Exception {
        Object tree = JSON.readValue(rules, Object.class);

        assertThatThrownBy(() -> RuleReader.read(tree, "rules"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code().name()).isEqualTo("BAD_USER_INPUT");
                    assertThat(e.field()).contains(path);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @Test
    void refusesATreeNestedTooDeep() {
        Object tree = Map.of("trait", Map.of("trait", "a", "operator", "EXISTS"));
        for (int i = 0; i < RuleReader.MAX_DEPTH; i++) {
            tree = Map.of("not", tree);
        }
        Object deep = tree;

        assertThatThrownBy(() -> RuleReader.read(deep, "rules")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).contains("deeper than " + RuleReader.MAX_DEPTH));
    }

    @Test
    void refusesATreeWithTooManyNodes() {
        List<Object> conditions = java.util.Collections.nCopies(RuleReader.MAX_NODES, Map.of("trait", Map.of("trait", "a", "operator", "EXISTS")));

        assertThatThrownBy(() -> RuleReader.read(Map.of("or", conditions), "rules")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.field()).contains("rules.or[" + (RuleReader.MAX_NODES - 1) + "]");
            assertThat(e.getMessage()).contains("more than " + RuleReader.MAX_NODES + " nodes");
        });
    }

    @Test
    void writesBackWhatItReadsSoStoredRulesReadTheSame() throws Exception {
        String rules = "{\"and\": [{\"trait\": {\"trait\": \"address.city\", \"operator\": \"CONTAINS\", \"value\": \"ber\"}},"
                + "{\"or\": [{\"event\": {\"name\": \"Order Completed\", \"atLeast\": 2, \"withinDays\": 30,"
                + "\"property\": {\"property\": \"total\", \"operator\": \"GREATER_THAN\", \"value\": 10.50}}},"
                + "{\"not\": {\"field\": {\"field\": \"TOTAL_REVENUE\", \"operator\": \"LESS_THAN\", \"value\": 99.5, \"currency\": \"eur\"}}}]},"
                + "{\"field\": {\"field\": \"LAST_SEEN\", \"operator\": \"GREATER_OR_EQUAL\", \"daysAgo\": 7}},"
                + "{\"rfm\": {\"groups\": [\"CHAMPIONS\"], \"recency\": {\"min\": 4}}}, {\"churn\": {\"atLeast\": 0.7}}]}";
        SegmentRule read = RuleReader.read(JSON.readValue(rules, Object.class), "rules");

        Object written = JSON.readValue(JSON.writeValueAsString(RuleWriter.write(read)), Object.class);

        assertThat(RuleReader.read(written, "rules")).isEqualTo(read);
        assertThat(JSON.writeValueAsString(written)).contains("\"currency\":\"EUR\"").contains("\"value\":99.5");
    }

    @Test
    void compilesValuesToParametersNeverIntoTheSql() {
        Map<String, Object> trait = new HashMap<>(Map.of("trait", "name'; DROP TABLE cdp_profiles; --", "operator", "EQUALS",
                "value", "x' OR '1'='1"));
        SegmentRule rule = RuleReader.read(Map.of("and", List.of(Map.of("trait", trait),
                Map.of("event", Map.of("name", "Order'Completed", "atLeast", 2, "withinDays", 30)))), "rules");

        SegmentSql.Compiled compiled = SegmentSql.compile(rule, 2, Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(compiled.condition()).doesNotContain("DROP").doesNotContain("OR '1'").doesNotContain("Order'Completed");
        assertThat(compiled.condition()).contains("$2").contains("$" + (compiled.parameters().size() + 1));
        assertThat(compiled.parameters()).contains("x' OR '1'='1", "Order'Completed", 2L);
    }
}
