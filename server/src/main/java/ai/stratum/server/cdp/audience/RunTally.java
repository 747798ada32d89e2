package ai.stratum.server.cdp.audience;

import io.micronaut.core.annotation.Nullable;

/**
 * The figures of a sync run as its audiences add up to them. Platform figures stay null while no
 * audience of the run has them.
 */
record RunTally(long eligible, long withoutConsent, long added, long removed, long received, long invalid,
                @Nullable Long uploadedCount, @Nullable Long matchedCount, long matchedAudienceSize) {

    static final RunTally NONE = new RunTally(0, 0, 0, 0, 0, 0, null, null, 0);

    RunTally withAdded(long count, long receivedCount, long invalidCount) {
        return new RunTally(eligible, withoutConsent, added + count, removed, received + receivedCount, invalid + invalidCount,
                uploadedCount, matchedCount, matchedAudienceSize);
    }

    RunTally withRemoved(long count, long receivedCount, long invalidCount) {
        return new RunTally(eligible, withoutConsent, added, removed + count, received + receivedCount, invalid + invalidCount,
                uploadedCount, matchedCount, matchedAudienceSize);
    }

    /**
     * @param audienceSize the hashes the matched audience holds as Stratum sent them, what the match is
     *                     measured against where the platform does not count its uploads
     */
    RunTally withMatch(@Nullable Long uploaded, long matched, long audienceSize) {
        return new RunTally(eligible, withoutConsent, added, removed, received, invalid, sum(uploadedCount, uploaded),
                sum(matchedCount, matched), matchedAudienceSize + audienceSize);
    }

    RunTally withEligibility(long eligibleCount, long withoutConsentCount) {
        return new RunTally(eligibleCount, withoutConsentCount, added, removed, received, invalid, uploadedCount, matchedCount,
                matchedAudienceSize);
    }

    private static Long sum(@Nullable Long a, @Nullable Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + b;
    }
}
