package ai.stratum.sandbox.simulation;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What to simulate for one account.
 *
 * @param accountId    the account's id as the platform writes it (for example {@code act_1001} on Meta)
 * @param name         its display name
 * @param currency     ISO 4217 code
 * @param zone         the account's time zone
 * @param campaigns    how many campaigns
 * @param historyDays  how many days of history the oldest campaigns have
 * @param seed         makes the account reproducible: the same spec gives the same account
 */
public record AccountSpec(String accountId, String name, String currency, ZoneId zone, int campaigns,
                          int historyDays, long seed) {

    public AccountSpec {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
        if (campaigns < 0 || historyDays < 1) {
            throw new IllegalArgumentException("campaigns must be >= 0 and historyDays >= 1");
        }
    }
}
