/**
 * The Stratum connector SPI: the extension points a PF4J plugin implements to bring an ad
 * platform, a CRM or a messaging channel into Stratum. JDK types only.
 */
package ai.stratum.plugin.api;
