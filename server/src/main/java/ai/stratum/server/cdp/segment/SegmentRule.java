package ai.stratum.server.cdp.segment;

import ai.stratum.server.cdp.rfm.RfmGroup;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A segment's rule tree, validated: what {@link RuleReader} makes of a {@code SegmentRuleInput} and
 * what {@link SegmentSql} compiles. Every value here is already of the type its condition needs.
 */
public sealed interface SegmentRule {

    record And(List<SegmentRule> rules) implements SegmentRule {
        public And {
            rules = List.copyOf(rules);
        }
    }

    record Or(List<SegmentRule> rules) implements SegmentRule {
        public Or {
            rules = List.copyOf(rules);
        }
    }

    record Not(SegmentRule rule) implements SegmentRule {
    }

    /** A condition on a trait (a dotted path into the profile's traits) or on a value inside an event's properties. */
    record JsonCondition(List<String> path, Operator operator, Optional<Object> value) implements SegmentRule {
        public JsonCondition {
            path = List.copyOf(path);
        }
    }

    /** A condition on one of the profile's computed fields. */
    record FieldCondition(ProfileField field, Operator operator, FieldValue value) implements SegmentRule {
    }

    /**
     * "Did {@code name} between {@code atLeast} and {@code atMost} times (in the last {@code within})",
     * counting only events whose properties satisfy {@code property} when it is given.
     */
    record EventCondition(String name, long atLeast, Optional<Long> atMost, Optional<Duration> within,
                          Optional<JsonCondition> property) implements SegmentRule {
    }

    /** RFM scores each within [min, max] and, when groups are given, the RFM group among them. */
    record RfmCondition(Set<RfmGroup> groups, ScoreRange recency, ScoreRange frequency, ScoreRange monetary) implements SegmentRule {
        public RfmCondition {
            groups = Set.copyOf(groups);
        }
    }

    /** A churn probability within [atLeast, atMost]; a profile without one never matches. */
    record ChurnCondition(double atLeast, double atMost) implements SegmentRule {
    }

    /** An inclusive range of RFM scores, 1 to 5. */
    record ScoreRange(int min, int max) {
        public static final ScoreRange ANY = new ScoreRange(1, 5);

        public boolean isAny() {
            return min == 1 && max == 5;
        }
    }

    /** The value a computed field is compared with. */
    sealed interface FieldValue {
        record Text(String value) implements FieldValue {
        }

        record Count(long value) implements FieldValue {
        }

        /** Money in micro-units of a currency. */
        record Money(BigDecimal micros, String currency) implements FieldValue {
        }

        /** An instant, or a number of days before the evaluation time. */
        record Instant(java.time.Instant at) implements FieldValue {
        }

        record DaysAgo(int days) implements FieldValue {
        }
    }
}
