package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Platform;

/**
 * Names a plugin call in messages: the platform, the connector serving it, what it was doing, and
 * the secrets to keep out of any text it returns.
 *
 * @param platform  the platform
 * @param connector the connector id, for example {@code meta-marketing}
 * @param what      what the call was doing, for example {@code reading campaigns}
 * @param redactor  removes the call's secrets
 */
record CallDescription(Platform platform, String connector, String what, Redactor redactor) {

    String redact(String text) {
        return redactor.redact(text);
    }
}
