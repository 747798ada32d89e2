package ai.stratum.server.cdp.privacy;

import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.IdentityRepository;
import ai.stratum.server.cdp.identity.StoredIdentifier;
import ai.stratum.server.cdp.profile.ProfileRepository;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One person as privacy requests see them: the live profile an id names, every profile merged into
 * it, and the identifiers they own (all held by the live profile since merges transfer them).
 */
record Person(UUID live, List<UUID> profileIds, List<Identifier> identifiers) {

    /** The person {@code id} names (a merged id finds its survivor); empty when no profile has that id. */
    static Mono<Person> find(Connection connection, TenantId tenant, UUID id, ProfileRepository profiles, IdentityRepository identities) {
        return profiles.live(connection, tenant, id)
                .flatMap(live -> profiles.aliases(connection, tenant, List.of(live.id())).map(Map.Entry::getValue).collectList()
                        .flatMap(aliases -> {
                            List<UUID> ids = new ArrayList<>();
                            ids.add(live.id());
                            ids.addAll(aliases);
                            return identities.identifiersOf(connection, tenant, ids).map(StoredIdentifier::identifier).sort().collectList()
                                    .map(identifiers -> new Person(live.id(), List.copyOf(ids), identifiers));
                        }));
    }
}
