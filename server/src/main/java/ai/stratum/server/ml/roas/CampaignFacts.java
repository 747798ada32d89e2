package ai.stratum.server.ml.roas;

import java.time.LocalDate;

/** What is known of a campaign beside its daily performance rows: the two ROAS features those rows lack. */
public interface CampaignFacts {

    /** Neither is known: both columns missing. */
    CampaignFacts UNKNOWN = new CampaignFacts() {
        @Override
        public double audienceSize() {
            return Double.NaN;
        }

        @Override
        public double creativeFatigueScore(LocalDate date) {
            return Double.NaN;
        }
    };

    /** @return people the campaign targets; NaN when unknown */
    double audienceSize();

    /** @return the fatigue score, 0-100, of its creative on the evening before a day; NaN when unknown */
    double creativeFatigueScore(LocalDate date);
}
