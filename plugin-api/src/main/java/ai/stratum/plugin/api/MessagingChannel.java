package ai.stratum.plugin.api;

import java.util.concurrent.CompletionStage;

/**
 * Sends messages through a channel such as WhatsApp Business.
 *
 * <p>A message must not reach its recipient twice: the host re-sends after a failure with the
 * same idempotency key, so pass the key to the channel where its API de-duplicates by one, and
 * otherwise mark the request not {@linkplain HttpTransport.Request#repeatable() repeatable}.
 */
public interface MessagingChannel extends ConnectorExtension {

    /**
     * Sends one message.
     *
     * @param context the call's context
     * @param message the message
     * @return the channel's receipt
     */
    CompletionStage<MessageReceipt> send(ConnectorContext context, OutboundMessage message);
}
