package ai.stratum.server.ml.training;

/** Where a training run is: told to whoever shows it (a training job, the command line). */
@FunctionalInterface
public interface TrainingProgress {

    /** Ignores every report. */
    TrainingProgress NONE = (stage, fraction) -> { };

    /**
     * @param stage    what the run is doing, in a few words (for example "training")
     * @param fraction how far the whole run is, 0 to 1
     */
    void report(String stage, double fraction);
}
