package ai.stratum.plugin.api;

import java.util.concurrent.CompletionStage;

/**
 * Keeps a platform's customer-list audience in step with a Stratum segment, by sending only what
 * changed since the last update. Identifiers arrive hashed ({@link IdentifierType}).
 *
 * <p>Adding an identifier that is already in the audience, or removing one that is not, must be
 * harmless: the host re-sends an update after a failure.
 */
public interface AudienceSync extends ConnectorExtension {

    /**
     * Creates a customer-list audience with its first members. Some platforms (TikTok) cannot create
     * an empty list or one without its identifier type, so the host creates an audience only once
     * it has members, and hands them over here; upload them as part of creating the audience, or
     * right after it, in the platform's batches.
     *
     * @param context  the call's context
     * @param audience the account, name, identifier type and first members
     * @return the platform's id of the new audience
     */
    CompletionStage<String> createAudience(ConnectorContext context, NewAudience audience);

    /**
     * Adds and removes identifiers. Split the update into as many platform calls as the
     * platform's batch limits require.
     *
     * @param context the call's context
     * @param update  the identifiers to add and remove
     * @return what the platform accepted
     */
    CompletionStage<AudienceUpdateResult> update(ConnectorContext context, AudienceUpdate update);

    /**
     * Reads the audience's match figures.
     *
     * @param context    the call's context
     * @param accountId  the platform's ad account id
     * @param audienceId the platform's audience id
     * @return the figures
     */
    CompletionStage<AudienceMatch> match(ConnectorContext context, String accountId, String audienceId);
}
