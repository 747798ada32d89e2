package ai.stratum.server.cdp.identity;

import java.util.Comparator;
import java.util.Objects;

/**
 * One normalized identifier: its type and value. Ordered by resolution priority, then value, so
 * that an event's identifiers are always visited in the same order.
 */
public record Identifier(IdentifierType type, String value) implements Comparable<Identifier> {

    private static final Comparator<Identifier> ORDER = Comparator.comparing(Identifier::type).thenComparing(Identifier::value);

    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an identifier value is never empty");
        }
    }

    @Override
    public int compareTo(Identifier other) {
        return ORDER.compare(this, other);
    }

    /** {@code TYPE:value}: the id of the identifier's node in an identity graph. */
    public String key() {
        return type.name() + ":" + value;
    }
}
