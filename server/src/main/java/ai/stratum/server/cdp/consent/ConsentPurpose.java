package ai.stratum.server.cdp.consent;

/** What a person consents to, or refuses: one statement per purpose. */
public enum ConsentPurpose {
    /** Measuring and analysing their behaviour. */
    ANALYTICS,
    /** Ad targeting and sharing with ad platforms (audience sync; CCPA's sale or sharing). */
    ADVERTISING,
    /** Tailoring what they see. */
    PERSONALIZATION,
    /** Marketing e-mail. */
    EMAIL,
    /** Marketing text messages. */
    SMS
}
