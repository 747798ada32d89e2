package ai.stratum.plugin.api;

import org.pf4j.ExtensionPoint;

/**
 * The common root of Stratum's extension points: every extension says which connector it serves,
 * so the host can route a call for, say, a Meta connection to the Meta plugin's collector.
 *
 * <p>Implement one of the sub-interfaces ({@link PlatformInfo}, {@link SignalCollector},
 * {@link ActionExecutor}, {@link AudienceSync}, {@link OAuthProvider}, {@link CrmConnector},
 * {@link MessagingChannel}) in a public class with a public no-argument constructor, annotate it
 * with {@code @org.pf4j.Extension}, and let PF4J's annotation processor list it in
 * {@code META-INF/extensions.idx}. The host creates one instance per class and calls it from
 * several threads at once, so keep extensions stateless or thread-safe.
 */
public interface ConnectorExtension extends ExtensionPoint {

    /**
     * The connector this extension serves.
     *
     * @return the {@link ConnectorDescriptor#connectorId()} of a {@link PlatformInfo} in the same plugin
     */
    String connectorId();
}
