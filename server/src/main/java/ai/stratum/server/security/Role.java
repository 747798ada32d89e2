package ai.stratum.server.security;

/**
 * What a user or API key may do, from most to least powerful. A role may only grant roles at or
 * below its own rank, so no one can mint a credential stronger than the one they hold.
 */
public enum Role {
    SUPER_ADMIN(5),
    TENANT_ADMIN(4),
    MEDIA_BUYER(3),
    DATA_ANALYST(2),
    VIEWER(1);

    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    public boolean atLeast(Role other) {
        return rank >= other.rank;
    }

    public boolean canGrant(Role granted) {
        return atLeast(granted);
    }
}
