package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;

/** Finds the campaign a request names, or says which input field is wrong. */
@Singleton
class CampaignLookup {

    private final CampaignHistoryRepository history;

    CampaignLookup(CampaignHistoryRepository history) {
        this.history = history;
    }

    /**
     * @return the campaign's platform
     * @throws InvalidMlInputException (in the Mono) naming {@code campaignId} when the tenant has no such
     *                                 campaign (on that platform), or {@code platform} when the id is on
     *                                 several platforms and none was named
     */
    Mono<Platform> platformOf(Connection connection, TenantId tenant, String campaignId, Optional<Platform> platform) {
        if (campaignId == null || campaignId.isBlank()) {
            return Mono.error(new InvalidMlInputException("campaignId", "must not be blank"));
        }
        return history.platformsOf(connection, tenant, campaignId).collectList().flatMap(platforms -> choose(campaignId, platform,
                platforms));
    }

    private static Mono<Platform> choose(String campaignId, Optional<Platform> named, List<Platform> platforms) {
        if (named.isPresent()) {
            return platforms.contains(named.get()) ? Mono.just(named.get())
                    : Mono.error(new InvalidMlInputException("campaignId", "this tenant has no campaign '" + campaignId + "' on "
                    + named.get()));
        }
        if (platforms.isEmpty()) {
            return Mono.error(new InvalidMlInputException("campaignId", "this tenant has no campaign '" + campaignId + "'"));
        }
        if (platforms.size() > 1) {
            return Mono.error(new InvalidMlInputException("platform", "campaign '" + campaignId + "' exists on " + platforms
                    + "; name its platform"));
        }
        return Mono.just(platforms.get(0));
    }
}
