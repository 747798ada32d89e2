package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;

/**
 * Finds the advertisers (ad accounts) and their campaigns and ad groups a call names. An
 * advertiser the platform does not serve is one the token may not operate (40001); a campaign or
 * ad group the advertiser does not have is a parameter error (40002), as TikTok answers for ids
 * outside the advertiser.
 */
final class Advertisers {

    private Advertisers() {
    }

    /** @return the advertiser the call names in {@code advertiser_id} */
    static SimulatedAccount require(PlatformState state, Params params) {
        return require(state, params.text("advertiser_id"));
    }

    /** @return the advertiser */
    static SimulatedAccount require(PlatformState state, String advertiserId) {
        return state.account(advertiserId).orElseThrow(() -> TikTokError.noPermission(advertiserId));
    }

    /** @return the advertiser's campaign */
    static SimulatedCampaign campaign(SimulatedAccount account, String campaignId) {
        return account.campaign(campaignId).orElseThrow(() -> TikTokError.parameter("campaign_id: Campaign "
                + campaignId + " does not exist under advertiser " + account.accountId() + "."));
    }

    /** @return the campaign of the advertiser's ad group (every simulated campaign has one) */
    static SimulatedCampaign campaignOfAdGroup(SimulatedAccount account, String adGroupId) {
        return account.campaignOfAdSet(adGroupId).orElseThrow(() -> TikTokError.parameter("adgroup_id: Ad group "
                + adGroupId + " does not exist under advertiser " + account.accountId() + "."));
    }
}
