package ai.stratum.server.cdp.identity;

/**
 * The kinds of identifier the identity graph links. The declaration order is the resolution
 * priority: when an event's identifiers belong to profiles that may not be merged, the event goes
 * to the profile of its highest-priority identifier, so a signed-in user's id outweighs the device
 * it was seen on.
 */
public enum IdentifierType {
    USER_ID,
    EMAIL,
    PHONE,
    EXTERNAL_ID,
    CLICK_ID,
    ANONYMOUS_ID;

    /** Whether a profile holding an identifier of this type is known (lifecycle KNOWN): a person, not only a device. */
    public boolean identifiesAPerson() {
        return this == USER_ID || this == EMAIL || this == PHONE;
    }
}
