package ai.stratum.server.ml.defaults;

import ai.stratum.server.ml.conversion.OnlineShoppers;
import ai.stratum.server.ml.conversion.SessionDataset;
import ai.stratum.server.ml.conversion.SyntheticSessions;
import ai.stratum.server.ml.roas.RoasDataset;
import ai.stratum.server.ml.roas.SimulatedCampaigns;
import ai.stratum.server.ml.training.HoldoutSplit;

/**
 * What the default models are trained on, and the held-out data they are measured on. The held-out
 * simulator accounts and synthetic sessions come from other seeds than the training ones, and the real
 * sessions held out are the 20 % of the UCI dataset the seed's split sets aside, so no held-out row was
 * ever seen in training.
 */
public final class DefaultTrainingData {

    static final long TRAINING_SEED = 2026;
    static final long HELD_OUT_SEED = 7;
    static final int ROAS_ACCOUNTS = 16;
    static final int ROAS_HELD_OUT_ACCOUNTS = 8;
    static final int CAMPAIGNS_PER_ACCOUNT = 40;
    static final int HISTORY_DAYS = 240;
    static final int SYNTHETIC_SESSIONS = 40_000;
    static final int HELD_OUT_SESSIONS = 20_000;

    private DefaultTrainingData() {
    }

    /** @return 16 simulated accounts of 40 campaigns over 240 days */
    public static RoasDataset roas() {
        return SimulatedCampaigns.generate(TRAINING_SEED, ROAS_ACCOUNTS, CAMPAIGNS_PER_ACCOUNT, HISTORY_DAYS).data();
    }

    /** @return 8 other simulated accounts, with each row's true expected ROAS */
    public static SimulatedCampaigns.Rows roasHeldOut() {
        return SimulatedCampaigns.generate(HELD_OUT_SEED, ROAS_HELD_OUT_ACCOUNTS, CAMPAIGNS_PER_ACCOUNT, HISTORY_DAYS);
    }

    /** @return 40,000 synthetic sessions followed by the UCI sessions of the seed's 80 % training split */
    public static SessionDataset conversion() {
        return SyntheticSessions.generate(TRAINING_SEED, SYNTHETIC_SESSIONS).data().concat(realTraining());
    }

    /** @return 20,000 other synthetic sessions, with each one's true probability */
    public static SyntheticSessions.Sessions syntheticHeldOut() {
        return SyntheticSessions.generate(HELD_OUT_SEED, HELD_OUT_SESSIONS);
    }

    /** @return the UCI sessions of the seed's 80 % training split */
    public static SessionDataset realTraining() {
        SessionDataset real = OnlineShoppers.load();
        return real.subset(HoldoutSplit.seeded(real.rows()).train());
    }

    /** @return the UCI sessions of the seed's 20 % test split */
    public static SessionDataset realHeldOut() {
        SessionDataset real = OnlineShoppers.load();
        return real.subset(HoldoutSplit.seeded(real.rows()).test());
    }
}
