package ai.stratum.server.trust;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.signals.SignalHealthView;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** {@code GateEvaluation} as GraphQL shows it and as {@code gateDecisionMade} carries it between instances. */
@Serdeable
public record GateView(GateDecision decision, RiskLevel riskLevel, double threshold, AutopilotMode autopilotMode,
                       List<String> reasons, SignalHealthView signalHealth, ActionType actionType, Platform platform,
                       String accountId, String entityId) {
}
