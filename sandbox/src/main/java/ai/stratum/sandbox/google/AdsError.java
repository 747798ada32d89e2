package ai.stratum.sandbox.google;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One error of a {@code GoogleAdsFailure}: its {@code errorCode} (a family such as
 * {@code mutateError} and its enum value), message, optional trigger and the location of the
 * offending field ({@code operations[0].update.resource_name}, proto field names as Google writes them).
 *
 * @param family   the error family, for example {@code queryError}
 * @param value    its enum value, for example {@code UNRECOGNIZED_FIELD}
 * @param message  Google's message
 * @param trigger  the value that caused it, or null
 * @param location the path to the offending field, outermost first
 */
record AdsError(String family, String value, String message, String trigger, List<PathElement> location) {

    /**
     * One element of a field path.
     *
     * @param fieldName a proto field name
     * @param index     the index in a repeated field, or null
     */
    record PathElement(String fieldName, Integer index) {
    }

    AdsError {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(message, "message");
        location = List.copyOf(location);
    }

    static AdsError of(String family, String value, String message) {
        return new AdsError(family, value, message, null, List.of());
    }

    /** @return this error with a trigger value */
    AdsError triggeredBy(String value) {
        return new AdsError(family, this.value, message, value, location);
    }

    /** @return this error located under {@code operations[index]} */
    AdsError atOperation(int index) {
        List<PathElement> path = new ArrayList<>();
        path.add(new PathElement("operations", index));
        path.addAll(location);
        return new AdsError(family, value, message, trigger, path);
    }

    /** @return this error located at the path, for example {@code update}, {@code resource_name} */
    AdsError at(String... fields) {
        List<PathElement> path = new ArrayList<>(location);
        for (String field : fields) {
            path.add(new PathElement(field, null));
        }
        return new AdsError(family, value, message, trigger, path);
    }

    /** @return the location as Google prints it, for example {@code operations[1].create.user_identifiers[0]} */
    String locationText() {
        StringBuilder text = new StringBuilder();
        for (PathElement element : location) {
            text.append(text.length() == 0 ? "" : ".").append(element.fieldName());
            if (element.index() != null) {
                text.append('[').append(element.index()).append(']');
            }
        }
        return text.toString();
    }
}
