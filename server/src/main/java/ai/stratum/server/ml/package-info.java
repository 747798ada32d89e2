/**
 * The ML engine of seed 001. Each feature sits in its own package: {@code fatigue} (creative
 * fatigue score), {@code eventquality} (event match quality of a server-side conversion event) and
 * {@code simulation} (budget scenarios over a fitted response curve).
 *
 * <p>What is here is plain Java with no framework types: typed inputs in, typed results out, field
 * names the seed's keys in camelCase, so a GraphQL layer can hand them through unchanged.
 */
package ai.stratum.server.ml;
