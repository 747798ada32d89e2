package ai.stratum.plugin.api;

import java.util.Objects;

/**
 * A message to one recipient.
 *
 * @param idempotencyKey identifies this message; the host re-sends with the same key after a failure
 * @param senderId       the channel's id of the sending number or account (WhatsApp: the phone number id)
 * @param recipient      the recipient's phone number in E.164, for example {@code +447700900123}
 * @param content        what to send
 */
public record OutboundMessage(String idempotencyKey, String senderId, String recipient, MessageContent content) {

    /**
     * Creates a message.
     *
     * @param idempotencyKey identifies this message; the host re-sends with the same key after a failure
     * @param senderId the channel's id of the sending number or account (WhatsApp: the phone number id)
     * @param recipient the recipient's phone number in E.164, for example {@code +447700900123}
     * @param content what to send
     * @throws IllegalArgumentException when the recipient is not an E.164 phone number
     */
    public OutboundMessage {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(content, "content");
        if (!recipient.matches("\\+[1-9][0-9]{6,14}")) {
            // the number itself stays out of the message: it is personal data
            throw new IllegalArgumentException("recipient must be an E.164 phone number");
        }
    }

    /**
     * Leaves the recipient out, since it is personal data.
     *
     * @return the key, sender and content type
     */
    @Override
    public String toString() {
        return "OutboundMessage[idempotencyKey=" + idempotencyKey + ", senderId=" + senderId
                + ", content=" + content.getClass().getSimpleName() + "]";
    }
}
