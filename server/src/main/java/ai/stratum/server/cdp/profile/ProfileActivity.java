package ai.stratum.server.cdp.profile;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What one stored event adds to its profile: a sighting at {@code at}, traits, maybe an order. */
public record ProfileActivity(Instant at, Traits traits, Optional<Purchase> purchase) {

    public ProfileActivity {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(traits, "traits");
        Objects.requireNonNull(purchase, "purchase");
    }
}
