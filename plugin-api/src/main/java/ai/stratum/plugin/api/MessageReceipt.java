package ai.stratum.plugin.api;

import java.util.Objects;

/**
 * The channel's acknowledgement of a sent message.
 *
 * @param messageId   the channel's id of the message, for matching delivery webhooks later
 * @param rawResponse the channel's response body, as received
 */
public record MessageReceipt(String messageId, String rawResponse) {

    /**
     * Creates a receipt.
     *
     * @param messageId the channel's id of the message, for matching delivery webhooks later
     * @param rawResponse the channel's response body, as received
     */
    public MessageReceipt {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(rawResponse, "rawResponse");
    }
}
