package ai.stratum.server.cdp.segment;

import ai.stratum.server.cdp.rfm.RfmGroup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link SegmentRule} back in the shape of {@code SegmentRuleInput}: what is stored and what
 * {@code Segment.rules} shows, so a client can edit it and send it back. {@link RuleReader} reads it.
 */
public final class RuleWriter {

    private RuleWriter() {
    }

    public static Map<String, Object> write(SegmentRule rule) {
        if (rule instanceof SegmentRule.And and) {
            return Map.of("and", and.rules().stream().map(RuleWriter::write).toList());
        } else if (rule instanceof SegmentRule.Or or) {
            return Map.of("or", or.rules().stream().map(RuleWriter::write).toList());
        } else if (rule instanceof SegmentRule.Not not) {
            return Map.of("not", write(not.rule()));
        } else if (rule instanceof SegmentRule.JsonCondition trait) {
            return Map.of("trait", condition("trait", trait));
        } else if (rule instanceof SegmentRule.FieldCondition field) {
            return Map.of("field", field(field));
        } else if (rule instanceof SegmentRule.EventCondition event) {
            return Map.of("event", event(event));
        } else if (rule instanceof SegmentRule.RfmCondition rfm) {
            return Map.of("rfm", rfm(rfm));
        }
        SegmentRule.ChurnCondition churn = (SegmentRule.ChurnCondition) rule;
        return Map.of("churn", Map.of("atLeast", churn.atLeast(), "atMost", churn.atMost()));
    }

    private static Map<String, Object> condition(String name, SegmentRule.JsonCondition condition) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(name, String.join(".", condition.path()));
        map.put("operator", condition.operator().name());
        condition.value().ifPresent(value -> map.put("value", value));
        return map;
    }

    private static Map<String, Object> field(SegmentRule.FieldCondition condition) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("field", condition.field().name());
        map.put("operator", condition.operator().name());
        SegmentRule.FieldValue value = condition.value();
        if (value instanceof SegmentRule.FieldValue.Text text) {
            map.put("value", text.value());
        } else if (value instanceof SegmentRule.FieldValue.Count count) {
            map.put("value", count.value());
        } else if (value instanceof SegmentRule.FieldValue.Money money) {
            map.put("value", money.micros().movePointLeft(6).stripTrailingZeros());
            map.put("currency", money.currency());
        } else if (value instanceof SegmentRule.FieldValue.Instant instant) {
            map.put("value", instant.at().toString());
        } else {
            map.put("daysAgo", ((SegmentRule.FieldValue.DaysAgo) value).days());
        }
        return map;
    }

    private static Map<String, Object> event(SegmentRule.EventCondition event) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", event.name());
        map.put("atLeast", event.atLeast());
        event.atMost().ifPresent(atMost -> map.put("atMost", atMost));
        event.within().ifPresent(within -> map.put("withinDays", within.toDays()));
        event.property().ifPresent(property -> map.put("property", condition("property", property)));
        return map;
    }

    private static Map<String, Object> rfm(SegmentRule.RfmCondition rfm) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (!rfm.groups().isEmpty()) {
            map.put("groups", rfm.groups().stream().sorted().map(RfmGroup::name).toList());
        }
        range(map, "recency", rfm.recency());
        range(map, "frequency", rfm.frequency());
        range(map, "monetary", rfm.monetary());
        return map;
    }

    private static void range(Map<String, Object> map, String name, SegmentRule.ScoreRange range) {
        if (!range.isAny()) {
            map.put(name, Map.of("min", range.min(), "max", range.max()));
        }
    }
}
