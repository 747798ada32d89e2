package ai.stratum.server.cdp.ingest;

import ai.stratum.server.cdp.profile.Purchase;

import java.util.Optional;

/**
 * An order event's revenue as sent: exact micro-units when the event named an amount, and its
 * currency when the event named one (the tenant's currency otherwise).
 */
public record OrderFacts(Optional<Long> revenueMicros, Optional<String> currency) {

    public Purchase purchase(String defaultCurrency) {
        return new Purchase(revenueMicros, currency.orElse(defaultCurrency));
    }
}
