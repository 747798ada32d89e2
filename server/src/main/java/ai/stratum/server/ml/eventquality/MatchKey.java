package ai.stratum.server.ml.eventquality;

/** The identifiers seed 001 scores an event by; each platform carries them in its own fields. */
public enum MatchKey {
    /** A hashed email address. */
    EMAIL("email"),
    /** A hashed phone number. */
    PHONE("phone"),
    /** The platform's click id (Meta fbc, TikTok ttclid, Snapchat sc_click_id). */
    CLICK_ID("click_id"),
    /** Google's click id (gclid, or gbraid / wbraid for iOS traffic). */
    GCLID("gclid"),
    /** The visitor's IP address. */
    IP_ADDRESS("ip_address"),
    /** The visitor's browser user agent. */
    USER_AGENT("user_agent"),
    /** The advertiser's own id for the customer. */
    EXTERNAL_ID("external_id");

    private final String id;

    MatchKey(String id) {
        this.id = id;
    }

    /** @return the seed's name, for example {@code click_id} */
    public String id() {
        return id;
    }
}
