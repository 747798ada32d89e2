package ai.stratum.plugin.api;

import java.util.List;
import java.util.Objects;

/** What a message says: free text, or a template the channel has approved. */
public sealed interface MessageContent {

    /**
     * Free text. WhatsApp only delivers it within 24 hours of the recipient's last message.
     *
     * @param body the text
     */
    record Text(String body) implements MessageContent {

        /**
         * Creates a text message.
         *
         * @param body the text
         * @throws IllegalArgumentException when the text is blank
         */
        public Text {
            Objects.requireNonNull(body, "body");
            if (body.isBlank()) {
                throw new IllegalArgumentException("message text must not be blank");
            }
        }
    }

    /**
     * A pre-approved template with its body parameters in order.
     *
     * @param name         the template's name on the channel
     * @param languageCode the template language, for example {@code en_US}
     * @param parameters   values for the template's placeholders, in order
     */
    record Template(String name, String languageCode, List<String> parameters) implements MessageContent {

        /**
         * Creates a template message.
         *
         * @param name the template's name on the channel
         * @param languageCode the template language, for example {@code en_US}
         * @param parameters values for the template's placeholders, in order
         */
        public Template {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(languageCode, "languageCode");
            parameters = List.copyOf(parameters);
        }
    }
}
