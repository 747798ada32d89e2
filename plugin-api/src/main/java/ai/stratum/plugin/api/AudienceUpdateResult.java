package ai.stratum.plugin.api;

/**
 * What the platform accepted of an audience update.
 *
 * @param received how many identifiers the platform received
 * @param invalid  how many of them it rejected as malformed
 */
public record AudienceUpdateResult(long received, long invalid) {

    /**
     * Creates an update result.
     *
     * @param received how many identifiers the platform received
     * @param invalid how many of them it rejected as malformed
     * @throws IllegalArgumentException when a count is negative or more were rejected than received
     */
    public AudienceUpdateResult {
        if (received < 0 || invalid < 0 || invalid > received) {
            throw new IllegalArgumentException("inconsistent audience counts: received=" + received
                    + " invalid=" + invalid);
        }
    }
}
