package ai.stratum.server.tenancy;

import ai.stratum.server.error.ApiException;

import java.util.Objects;
import java.util.UUID;

/** The tenant every tenant-owned row and every scoped call belongs to. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses a client-supplied id, refusing anything that is not a UUID with a message naming the field. */
    public static TenantId parse(String field, String text) {
        try {
            return new TenantId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput(field, field + " is not a valid tenant id: '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
