package ai.stratum.server.cdp.segment;

/** The computed fields of a profile a segment rule may test; GraphQL's {@code ProfileField}. */
public enum ProfileField {
    LIFECYCLE("p.lifecycle"),
    EVENT_COUNT("p.event_count"),
    ORDER_COUNT("p.order_count"),
    TOTAL_REVENUE("p.revenue_micros"),
    FIRST_SEEN("p.first_seen_at"),
    LAST_SEEN("p.last_seen_at");

    private final String column;

    ProfileField(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
