package ai.stratum.server.ml.models;

/** Where a training job is. */
public enum TrainingStatus {
    /** Waiting for a training thread. */
    QUEUED,
    /** Loading data, training or registering. */
    RUNNING,
    /** Done: its model is registered and active. */
    SUCCEEDED,
    /** Stopped: {@code error} says why. */
    FAILED
}
