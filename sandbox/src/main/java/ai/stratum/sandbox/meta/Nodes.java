package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.platform.Audiences;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;

import java.util.Optional;

/**
 * Finds the Graph object an id names: an ad account ({@code act_<digits>}), a campaign, an ad set
 * (each simulated campaign has one), a customer-list audience or a dataset (pixel).
 */
final class Nodes {

    /** The object an id names. */
    sealed interface Node {
    }

    record Account(SimulatedAccount account) implements Node {
    }

    record Campaign(SimulatedAccount account, SimulatedCampaign campaign) implements Node {
    }

    record AdSet(SimulatedAccount account, SimulatedCampaign campaign) implements Node {
    }

    record Audience(Audiences.Audience audience) implements Node {
    }

    record Dataset(SimulatedAccount account, String datasetId) implements Node {
    }

    private Nodes() {
    }

    /** @return the ad account of an {@code act_<digits>} node, however the simulation writes its id */
    static Optional<SimulatedAccount> account(PlatformState state, String node) {
        if (!node.startsWith("act_")) {
            return Optional.empty();
        }
        return state.account(node).or(() -> state.account(node.substring(4)));
    }

    /** @return the ad account of a node, or Meta's error for an object that does not exist */
    static SimulatedAccount requireAccount(PlatformState state, String node, String method) {
        return account(state, node).orElseThrow(() -> GraphErrors.unsupported(method, node));
    }

    /** @return what the id names, or Meta's error for an object that does not exist */
    static Node find(PlatformState state, String id, String method) {
        Optional<SimulatedAccount> account = account(state, id);
        if (account.isPresent()) {
            return new Account(account.get());
        }
        Optional<Audiences.Audience> audience = state.audiences().find(id);
        if (audience.isPresent()) {
            return new Audience(audience.get());
        }
        for (SimulatedAccount candidate : state.accounts()) {
            Optional<SimulatedCampaign> campaign = candidate.campaign(id);
            if (campaign.isPresent()) {
                return new Campaign(candidate, campaign.get());
            }
            Optional<SimulatedCampaign> ofAdSet = candidate.campaignOfAdSet(id);
            if (ofAdSet.isPresent()) {
                return new AdSet(candidate, ofAdSet.get());
            }
            if (candidate.datasetEmq().containsKey(id)) {
                return new Dataset(candidate, id);
            }
        }
        throw GraphErrors.unsupported(method, id);
    }

    /** @return the account's id without {@code act_}, as Meta's {@code account_id} fields give it */
    static String accountDigits(SimulatedAccount account) {
        String id = account.accountId();
        return id.startsWith("act_") ? id.substring(4) : id;
    }
}
