package ai.stratum.server.cdp.consent;

/** Where a consent statement came from. */
public enum ConsentSource {
    /** An event's {@code context.consent.categoryPreferences}, as a consent manager attaches it. */
    EVENT,
    /** {@code setConsent}. */
    API
}
