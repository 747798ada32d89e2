package ai.stratum.server.cdp.score;

/**
 * The tenant's figures over the score's window.
 *
 * @param events                       events received
 * @param eventsWithStrongIdentifier   of those, events that carried a strong identifier ({@link IdentityQualityCounts#STRONG})
 * @param profiles                     live profiles seen (last event) in the window
 * @param profilesWithStrongIdentifier of those, profiles owning a strong identifier
 * @param audienceSent                 identifiers the newest audience sync per platform sent
 * @param audienceMatched              of those, matched by the platform
 */
public record CdpScoreInputs(long events, long eventsWithStrongIdentifier, long profiles, long profilesWithStrongIdentifier,
                             long audienceSent, long audienceMatched) {

    public CdpScoreInputs {
        requirePart("eventsWithStrongIdentifier", eventsWithStrongIdentifier, events);
        requirePart("profilesWithStrongIdentifier", profilesWithStrongIdentifier, profiles);
        requirePart("audienceMatched", audienceMatched, audienceSent);
    }

    private static void requirePart(String name, long part, long whole) {
        if (whole < 0 || part < 0 || part > whole) {
            throw new IllegalArgumentException(name + " must be between 0 and its total: " + part + " of " + whole);
        }
    }
}
