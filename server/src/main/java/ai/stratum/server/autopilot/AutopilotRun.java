package ai.stratum.server.autopilot;

import java.time.Instant;
import java.util.List;

/**
 * One pass of the autopilot over a tenant's campaigns: what the rules proposed, what the mode
 * kept back, and the actions the rest became (each one gated like a submitted action).
 */
public record AutopilotRun(boolean dryRun, Instant startedAt, Instant finishedAt, int campaignsEvaluated, int proposals,
                           int skippedByMode, boolean frozen, List<StoredAction> actions) {
}
