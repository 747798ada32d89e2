package ai.stratum.plugin.api;

import java.util.concurrent.CompletionStage;

/**
 * Applies actions (budget, bid and status changes) on an ad platform. The host only sends the
 * {@link ActionType}s listed in your {@link ConnectorDescriptor#supportedActions()}.
 *
 * <p>Idempotency: the host records every idempotency key with its result and never re-sends a key
 * it has a result for, but it does re-send after a failure or a crash mid-call. Since every
 * {@link Change} is an absolute target, applying it again is harmless; keep it that way: never
 * turn a request into a relative platform operation, and send the key to the platform where its
 * API accepts one. {@link ActionType#PAUSE_ALL} pauses the campaigns that are active when it
 * runs, which a repeat leaves paused.
 *
 * <p>When a platform cannot apply all changes of a request in one call and a later call fails,
 * fail the stage: the host retries the whole request with the same key, and the changes already
 * applied are applied again, harmlessly.
 */
public interface ActionExecutor extends ConnectorExtension {

    /**
     * Applies the action's changes on the platform.
     *
     * @param context the call's context
     * @param request the action, cleared by the trust gate
     * @return the platform's responses, or a stage failed with a {@link ConnectorException}
     */
    CompletionStage<ActionResult> execute(ConnectorContext context, ActionRequest request);
}
