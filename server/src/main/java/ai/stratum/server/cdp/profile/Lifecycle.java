package ai.stratum.server.cdp.profile;

import ai.stratum.server.cdp.identity.IdentifierCounts;

/** Where a profile stands: a device we only saw, a person we can name, a person who bought. */
public enum Lifecycle {
    ANONYMOUS,
    KNOWN,
    CUSTOMER;

    /**
     * A profile is a CUSTOMER from its first order, KNOWN from its first user id, e-mail or phone,
     * ANONYMOUS before. Both facts only grow (identifiers and orders are never taken away by
     * ingestion), so the lifecycle only moves forward.
     */
    public static Lifecycle of(IdentifierCounts identifiers, long orderCount) {
        if (orderCount > 0) {
            return CUSTOMER;
        }
        return identifiers.identifiesAPerson() ? KNOWN : ANONYMOUS;
    }
}
