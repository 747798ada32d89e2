package ai.stratum.server.cdp.segment;

import ai.stratum.server.cdp.rfm.RfmGroup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compiles a {@link SegmentRule} into a SQL condition on a live profile row {@code p} of
 * {@code cdp_profiles}. Every value is a bind parameter ({@code $n}); only fixed SQL text written here is
 * concatenated. Every condition is true or false, never NULL, so {@code NOT} means "does not match".
 *
 * <p>Event conditions count the events of the profile and of the profiles merged into it (whose events
 * may not have been moved yet). Time windows end at {@code now}, the evaluation time, and begin
 * {@code withinDays × 24 h} before it; both ends count.
 */
public final class SegmentSql {

    private final List<Object> parameters = new ArrayList<>();
    private final int firstIndex;
    private final Instant now;

    private SegmentSql(int firstIndex, Instant now) {
        this.firstIndex = firstIndex;
        this.now = now;
    }

    /**
     * @param rule       the rules
     * @param firstIndex the number of the first parameter this condition binds ({@code $firstIndex})
     * @param now        the evaluation time, which time windows and {@code daysAgo} count back from
     */
    public static Compiled compile(SegmentRule rule, int firstIndex, Instant now) {
        SegmentSql sql = new SegmentSql(firstIndex, now);
        String condition = sql.rule(rule);
        return new Compiled(condition, List.copyOf(sql.parameters));
    }

    /** @param condition SQL on {@code p}; @param parameters its values, from {@code $firstIndex} on */
    public record Compiled(String condition, List<Object> parameters) {
    }

    private String rule(SegmentRule rule) {
        if (rule instanceof SegmentRule.And and) {
            return and.rules().stream().map(this::rule).collect(Collectors.joining(" AND ", "(", ")"));
        } else if (rule instanceof SegmentRule.Or or) {
            return or.rules().stream().map(this::rule).collect(Collectors.joining(" OR ", "(", ")"));
        } else if (rule instanceof SegmentRule.Not not) {
            return "(NOT " + rule(not.rule()) + ")";
        } else if (rule instanceof SegmentRule.JsonCondition trait) {
            return json("p.traits", trait);
        } else if (rule instanceof SegmentRule.FieldCondition field) {
            return field(field);
        } else if (rule instanceof SegmentRule.EventCondition event) {
            return event(event);
        } else if (rule instanceof SegmentRule.RfmCondition rfm) {
            return rfm(rfm);
        }
        return churn((SegmentRule.ChurnCondition) rule);
    }

    private String json(String column, SegmentRule.JsonCondition condition) {
        String target = "(" + column + " #> " + bind(condition.path().toArray(String[]::new)) + "::text[])";
        String exists = "(" + target + " IS NOT NULL AND jsonb_typeof(" + target + ") <> 'null')";
        Operator operator = condition.operator();
        if (operator == Operator.EXISTS) {
            return exists;
        }
        if (operator == Operator.NOT_EXISTS) {
            return "(NOT " + exists + ")";
        }
        Object value = condition.value().orElseThrow();
        String jsonValue = jsonValue(value);
        return switch (operator) {
            case EQUALS -> "coalesce(" + target + " = " + jsonValue + ", false)";
            case NOT_EQUALS -> "(NOT coalesce(" + target + " = " + jsonValue + ", false))";
            case CONTAINS -> value instanceof String text
                    ? "(CASE jsonb_typeof(" + target + ") WHEN 'string' THEN strpos(lower(" + target + " #>> '{}'), lower("
                    + bind(text) + "::text)) > 0 WHEN 'array' THEN " + target + " @> jsonb_build_array(" + jsonValue + ") ELSE false END)"
                    : "(CASE jsonb_typeof(" + target + ") WHEN 'array' THEN " + target + " @> jsonb_build_array(" + jsonValue
                    + ") ELSE false END)";
            default -> value instanceof BigDecimal
                    ? "(CASE WHEN jsonb_typeof(" + target + ") = 'number' THEN (" + target + " #>> '{}')::numeric " + operator.sql()
                    + " " + bind(value) + "::numeric ELSE false END)"
                    : "(CASE WHEN jsonb_typeof(" + target + ") = 'string' THEN (" + target + " #>> '{}') COLLATE \"C\" " + operator.sql()
                    + " " + bind(value) + "::text COLLATE \"C\" ELSE false END)";
        };
    }

    private String jsonValue(Object value) {
        if (value instanceof String text) {
            return "to_jsonb(" + bind(text) + "::text)";
        } else if (value instanceof BigDecimal number) {
            return "to_jsonb(" + bind(number) + "::numeric)";
        }
        return "to_jsonb(" + bind(value) + "::boolean)";
    }

    private String field(SegmentRule.FieldCondition condition) {
        String comparison = " " + condition.operator().sql() + " ";
        SegmentRule.FieldValue value = condition.value();
        if (value instanceof SegmentRule.FieldValue.Text text) {
            return "(" + condition.field().column() + comparison + bind(text.value()) + "::text)";
        } else if (value instanceof SegmentRule.FieldValue.Count count) {
            return "(" + condition.field().column() + comparison + bind(count.value()) + "::bigint)";
        } else if (value instanceof SegmentRule.FieldValue.Money money) {
            return "(coalesce((p.revenue_micros ->> " + bind(money.currency()) + "::text)::numeric, 0)" + comparison
                    + bind(money.micros()) + "::numeric)";
        }
        Instant at = value instanceof SegmentRule.FieldValue.Instant instant ? instant.at()
                : now.minus(java.time.Duration.ofDays(((SegmentRule.FieldValue.DaysAgo) value).days()));
        return "(" + condition.field().column() + comparison + bind(time(at)) + "::timestamptz)";
    }

    private String event(SegmentRule.EventCondition event) {
        StringBuilder events = new StringBuilder("FROM cdp_events e WHERE e.tenant_id = p.tenant_id AND e.profile_id IN "
                + "(SELECT a.id FROM cdp_profiles a WHERE a.tenant_id = p.tenant_id AND (a.id = p.id OR a.merged_into = p.id)) "
                + "AND e.type = 'TRACK' AND e.event = ").append(bind(event.name())).append("::text");
        event.within().ifPresent(within -> events.append(" AND e.timestamp >= ").append(bind(time(now.minus(within))))
                .append("::timestamptz AND e.timestamp <= ").append(bind(time(now))).append("::timestamptz"));
        event.property().ifPresent(property -> events.append(" AND ").append(json("e.properties", property)));
        if (event.atMost().isEmpty()) {
            if (event.atLeast() == 0) {
                return "true";
            }
            if (event.atLeast() == 1) {
                return "EXISTS (SELECT 1 " + events + ")";
            }
            return "((SELECT count(*) " + events + ") >= " + bind(event.atLeast()) + "::bigint)";
        }
        if (event.atMost().get() == 0) {
            return "(NOT EXISTS (SELECT 1 " + events + "))";
        }
        return "((SELECT count(*) " + events + ") BETWEEN " + bind(event.atLeast()) + "::bigint AND " + bind(event.atMost().get())
                + "::bigint)";
    }

    private String rfm(SegmentRule.RfmCondition rfm) {
        StringBuilder sql = new StringBuilder("EXISTS (SELECT 1 FROM cdp_profile_scores s WHERE s.tenant_id = p.tenant_id "
                + "AND s.profile_id = p.id AND s.rfm_group IS NOT NULL");
        if (!rfm.groups().isEmpty()) {
            sql.append(" AND s.rfm_group = ANY(").append(bind(rfm.groups().stream().sorted().map(RfmGroup::name)
                    .toArray(String[]::new))).append("::text[])");
        }
        score(sql, "s.rfm_recency", rfm.recency());
        score(sql, "s.rfm_frequency", rfm.frequency());
        score(sql, "s.rfm_monetary", rfm.monetary());
        return sql.append(")").toString();
    }

    private void score(StringBuilder sql, String column, SegmentRule.ScoreRange range) {
        if (!range.isAny()) {
            sql.append(" AND ").append(column).append(" BETWEEN ").append(bind(range.min())).append("::int AND ")
                    .append(bind(range.max())).append("::int");
        }
    }

    private String churn(SegmentRule.ChurnCondition churn) {
        return "EXISTS (SELECT 1 FROM cdp_profile_scores s WHERE s.tenant_id = p.tenant_id AND s.profile_id = p.id "
                + "AND s.churn_probability BETWEEN " + bind(churn.atLeast()) + "::float8 AND " + bind(churn.atMost()) + "::float8)";
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private String bind(Object value) {
        parameters.add(value);
        return "$" + (firstIndex + parameters.size() - 1);
    }
}
