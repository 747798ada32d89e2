package ai.stratum.server.cdp;

import ai.stratum.server.error.ApiException;

import java.util.UUID;

/** Ids as GraphQL clients send them: a malformed one is the caller's mistake, named by its argument. */
public final class IdArguments {

    private IdArguments() {
    }

    public static UUID parse(String argument, String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput(argument, "'" + id + "' is not a valid id");
        }
    }
}
