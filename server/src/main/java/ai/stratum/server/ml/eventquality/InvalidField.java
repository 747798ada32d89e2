package ai.stratum.server.ml.eventquality;

import java.util.Objects;

/**
 * A value in the event that cannot be used for matching, and why.
 *
 * @param path   where it is in the event, for example {@code user_data.em[0]}
 * @param reason what is wrong with it and how to send it instead; never the value itself, which may be
 *               personal data
 */
public record InvalidField(String path, String reason) {

    public InvalidField {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }
}
