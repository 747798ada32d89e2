package ai.stratum.sandbox.google;

/**
 * A request body Google's front end refuses before the API sees it: a value of the wrong JSON
 * type or an enum value that does not exist. The whole request fails with 400 "Invalid JSON
 * payload received", whatever its partial-failure setting.
 */
final class PayloadError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field  the path of the field, for example {@code operations[0].update.status}
     * @param detail what is wrong with it
     */
    PayloadError(String field, String detail) {
        super(detail);
        this.field = field;
    }

    String field() {
        return field;
    }
}
