/**
 * Event match quality (seed 001's {@code DataQualityAnalyzer}): how well a server-side conversion
 * event, as the platform's own API carries it, can be matched to the person who saw the ad.
 *
 * <p>{@link ai.stratum.server.ml.eventquality.EventQualityAnalyzer} reads the event in the platform's
 * format (Meta Conversions API, Google Ads click conversions, TikTok Events API, Snapchat Conversions
 * API), maps its fields onto the seed's match keys, checks each value (a SHA-256 hash where the platform
 * wants one, a public IP address, a well-formed click id) and scores the keys that hold a valid value
 * with the platform's weights ({@link ai.stratum.server.ml.eventquality.MatchWeights}).
 *
 * <p>Plain Java with no framework types: the event is a JSON tree of {@code Map}, {@code List},
 * {@code String}, {@code Number}, {@code Boolean} and {@code null}, as any JSON parser or the GraphQL
 * {@code JSON} scalar produces.
 */
package ai.stratum.server.ml.eventquality;
