package ai.stratum.server.cdp.churn;

import java.time.Instant;
import java.util.OptionalDouble;

/** GraphQL's {@code ChurnModel}: a stored churn model's version and test metrics, without the model. */
public record ChurnModelInfo(int version, OptionalDouble auc, double precision, double recall, int rows, int testRows, double churnedShare,
                             Instant cutoff, int windowDays, Instant trainedAt) {
}
