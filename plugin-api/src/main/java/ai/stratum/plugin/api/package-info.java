/**
 * The Stratum connector SPI: the extension points a PF4J plugin implements to bring an ad
 * platform, a CRM or a messaging channel into Stratum.
 *
 * <p>Start with {@link ai.stratum.plugin.api.PlatformInfo}: every connector describes itself with
 * a {@link ai.stratum.plugin.api.ConnectorDescriptor}. Then implement the extension points the
 * system offers: {@link ai.stratum.plugin.api.SignalCollector},
 * {@link ai.stratum.plugin.api.ActionExecutor}, {@link ai.stratum.plugin.api.AudienceSync} and
 * {@link ai.stratum.plugin.api.OAuthProvider} for ad platforms;
 * {@link ai.stratum.plugin.api.CrmConnector} and {@link ai.stratum.plugin.api.MessagingChannel}
 * for CRMs and messaging channels. Each call receives a
 * {@link ai.stratum.plugin.api.ConnectorContext} with the connection's credentials, the platform
 * endpoints and the host's HTTP client; failures the host should react to are
 * {@link ai.stratum.plugin.api.ConnectorException}s.
 *
 * <p>The API uses JDK types only, plus PF4J's {@code ExtensionPoint}. Depend on it, and on PF4J,
 * with Maven scope {@code provided}: the server supplies both, and always loads this package from
 * its own copy. Declare the API versions you support in the plugin descriptor, for example
 * {@code Plugin-Requires: ^1.0.0}; {@link ai.stratum.plugin.api.PluginApi#VERSION} is the version
 * a server provides.
 */
package ai.stratum.plugin.api;
