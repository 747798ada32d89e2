package ai.stratum.sandbox.google;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.platform.Mutation;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;

import java.util.Optional;

/**
 * One API request to a customer the platform serves, with what answering it needs.
 *
 * @param request    the request
 * @param state      the platform's accounts, tokens, audiences and changes
 * @param google     the emulator's own state
 * @param account    the customer's simulated account
 * @param customerId the customer id of the path, ten digits
 * @param requestId  the id Google gives the request
 */
record GoogleCall(ApiRequest request, PlatformState state, GoogleState google, SimulatedAccount account,
                  String customerId, String requestId) {

    /**
     * Records a change applied to a campaign or ad group. Google's mutate takes no idempotency key.
     *
     * @param entityId the campaign or ad group
     * @param change   for example {@code campaign.status=PAUSED}
     */
    void record(String entityId, String change) {
        state.record(new Mutation(state.clock().instant(), account.accountId(), entityId, change, Optional.empty()));
    }
}
