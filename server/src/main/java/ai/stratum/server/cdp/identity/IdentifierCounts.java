package ai.stratum.server.cdp.identity;

import java.util.Arrays;
import java.util.Collection;

/** How many identifiers of each type a profile (or a group of profiles about to merge) holds. Immutable. */
public final class IdentifierCounts {

    private static final IdentifierCounts NONE = new IdentifierCounts(new int[IdentifierType.values().length]);

    private final int[] counts;

    private IdentifierCounts(int[] counts) {
        this.counts = counts;
    }

    public static IdentifierCounts none() {
        return NONE;
    }

    public static IdentifierCounts of(Collection<Identifier> identifiers) {
        IdentifierCounts counts = NONE;
        for (Identifier identifier : identifiers) {
            counts = counts.plus(identifier.type(), 1);
        }
        return counts;
    }

    public int of(IdentifierType type) {
        return counts[type.ordinal()];
    }

    public IdentifierCounts plus(IdentifierType type, int n) {
        int[] more = counts.clone();
        more[type.ordinal()] += n;
        return new IdentifierCounts(more);
    }

    public IdentifierCounts plus(IdentifierCounts other) {
        int[] more = counts.clone();
        for (int i = 0; i < more.length; i++) {
            more[i] += other.counts[i];
        }
        return new IdentifierCounts(more);
    }

    /** Whether any identifier says who the person is (user id, e-mail, phone). */
    public boolean identifiesAPerson() {
        for (IdentifierType type : IdentifierType.values()) {
            if (type.identifiesAPerson() && of(type) > 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentifierCounts that && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (IdentifierType type : IdentifierType.values()) {
            if (of(type) > 0) {
                text.append(text.length() > 1 ? ", " : "").append(type).append('=').append(of(type));
            }
        }
        return text.append('}').toString();
    }
}
