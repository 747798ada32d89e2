package ai.stratum.server.cdp.rfm;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * RFM quintile scores of a tenant's customers. Each score is the quintile of the customer's rank among
 * all customers: {@code 1 + floor(5 × below / n)}, where {@code below} counts customers strictly worse
 * (an older last order, fewer orders, less revenue). Equal values always score the same, so a tenant
 * where most customers ordered once puts them all in frequency 1; the best value scores 5 only when
 * at least 80 % of customers are strictly below it. Recency is better the more recent the last order.
 */
public final class RfmScorer {

    private RfmScorer() {
    }

    /**
     * One customer's order history.
     *
     * @param lastOrder    the newest order's timestamp
     * @param orders       how many orders (at least 1)
     * @param revenueMicros revenue in the tenant's currency
     */
    public record Customer(UUID profileId, Instant lastOrder, long orders, long revenueMicros) {
    }

    public record Scores(UUID profileId, int recency, int frequency, int monetary, RfmGroup group) {
    }

    public static List<Scores> score(List<Customer> customers) {
        int n = customers.size();
        long[] recency = customers.stream().mapToLong(c -> c.lastOrder().toEpochMilli()).sorted().toArray();
        long[] frequency = customers.stream().mapToLong(Customer::orders).sorted().toArray();
        long[] monetary = customers.stream().mapToLong(Customer::revenueMicros).sorted().toArray();
        return customers.stream().map(customer -> {
            int r = quintile(below(recency, customer.lastOrder().toEpochMilli()), n);
            int f = quintile(below(frequency, customer.orders()), n);
            int m = quintile(below(monetary, customer.revenueMicros()), n);
            return new Scores(customer.profileId(), r, f, m, RfmGroups.of(r, f, m));
        }).toList();
    }

    /** @return 1 to 5: the quintile of a value with {@code below} of {@code n} values strictly below it */
    static int quintile(int below, int n) {
        return 1 + (int) (5L * below / n);
    }

    /** How many of the sorted values are strictly below {@code value}. */
    private static int below(long[] sorted, long value) {
        int index = Arrays.binarySearch(sorted, value);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && sorted[index - 1] == value) {
            index--;
        }
        return index;
    }
}
