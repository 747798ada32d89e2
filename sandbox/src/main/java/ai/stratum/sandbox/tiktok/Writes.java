package ai.stratum.sandbox.tiktok;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.platform.Mutation;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** What every simulated write shares: the fields it simulates, TikTok's status words, recording the change. */
final class Writes {

    private static final long CENT_MICROS = 10_000;

    private Writes() {
    }

    /** @throws TikTokError naming the fields a call sent that the sandbox does not simulate */
    static void requireOnly(Params params, Set<String> simulated, String call) {
        Set<String> others = new HashSet<>(params.names());
        others.removeAll(simulated);
        if (!others.isEmpty()) {
            throw TikTokError.parameter(call + ": the sandbox simulates the fields "
                    + simulated.stream().sorted().toList() + ", not " + others.stream().sorted().toList() + ".");
        }
    }

    /** @return the status an {@code operation_status} sets */
    static EntityStatus status(String operationStatus) {
        return switch (operationStatus) {
            case "ENABLE" -> EntityStatus.ACTIVE;
            case "DISABLE" -> EntityStatus.PAUSED;
            case "DELETE" -> EntityStatus.DELETED;
            default -> throw TikTokError.parameter("operation_status: Must be one of: ENABLE, DISABLE, DELETE.");
        };
    }

    /** @return the amount, when it is whole cents as the simulation keeps money */
    static long cents(long micros, String field) {
        if (micros % CENT_MICROS != 0) {
            throw TikTokError.parameter(field + ": the sandbox keeps amounts in whole cents.");
        }
        return micros;
    }

    /** Records a change TikTok applied; TikTok's API carries no idempotency key. */
    static void record(PlatformState state, SimulatedAccount account, String entityId, String change) {
        state.record(new Mutation(state.clock().instant(), account.accountId(), entityId, change, Optional.empty()));
    }
}
