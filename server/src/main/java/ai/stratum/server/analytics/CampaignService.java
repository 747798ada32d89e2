package ai.stratum.server.analytics;

import ai.stratum.server.database.Database;
import ai.stratum.server.graphql.Page;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

/** The tenant's campaigns across platforms. Every role may read them. */
@Singleton
public class CampaignService {

    private final Database database;
    private final CampaignRepository campaigns;

    public CampaignService(Database database, CampaignRepository campaigns) {
        this.database = database;
        this.campaigns = campaigns;
    }

    Mono<Page<Campaign>> page(Caller caller, CampaignFilter filter, CampaignPageRequest request) {
        caller.require(Role.VIEWER);
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> campaigns.page(connection, tenant, filter, request.after(), request.first() + 1)
                .collectList()
                .zipWith(campaigns.count(connection, tenant, filter))
                .map(rowsAndCount -> Page.of(rowsAndCount.getT1(), request.first(), request.after().isPresent(),
                        campaign -> campaign.cursor().encode(), rowsAndCount.getT2())));
    }
}
