package ai.stratum.server.trust;

import ai.stratum.server.signals.SignalHealthView;
import ai.stratum.server.signals.health.SignalHealth;

/** A gate evaluation together with the account health it was made on. */
public record Judgement(ActionSpec action, GateEvaluation evaluation, SignalHealth health) {

    public GateView view() {
        return new GateView(evaluation.decision(), evaluation.riskLevel(), evaluation.threshold(), evaluation.autopilotMode(),
                evaluation.reasons(), SignalHealthView.of(health), action.actionType(), action.platform(), action.accountId(),
                action.entityId());
    }
}
