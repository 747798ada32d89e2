package ai.stratum.server.cdp.identity;

/**
 * A cap on how many identifiers of one type a profile may hold. A link that would take a profile
 * over a cap is refused: on a shared device, the sixth e-mail typed in is more likely a different
 * person than the same person's sixth address.
 */
public enum IdentityLimit {
    MAX_USER_IDS_PER_PROFILE(IdentifierType.USER_ID, "STRATUM_CDP_MAX_USER_IDS_PER_PROFILE"),
    MAX_EMAILS_PER_PROFILE(IdentifierType.EMAIL, "STRATUM_CDP_MAX_EMAILS_PER_PROFILE"),
    MAX_PHONES_PER_PROFILE(IdentifierType.PHONE, "STRATUM_CDP_MAX_PHONES_PER_PROFILE");

    private final IdentifierType type;
    private final String variable;

    IdentityLimit(IdentifierType type, String variable) {
        this.type = type;
        this.variable = variable;
    }

    public IdentifierType type() {
        return type;
    }

    /** The environment variable that sets it. */
    public String variable() {
        return variable;
    }
}
