package ai.stratum.server.cdp.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * Event {@code eventIndex} linked {@code identifier} to {@code profile}, and the link was not made
 * because it would take the profile over {@code limit}.
 *
 * @param owner the profile {@code identifier} belongs to and stays with; empty when it was new,
 *              in which case it stays unassigned
 */
public record Refusal(int eventIndex, UUID profile, Identifier identifier, Optional<UUID> owner, IdentityLimit limit) {
}
