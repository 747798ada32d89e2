package ai.stratum.server.ml.eventquality;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.InvalidMlInputException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Seed 001's {@code DataQualityAnalyzer.analyze}: scores one server-side conversion event by the
 * identifiers it carries that the platform can match on.
 *
 * <p>The event arrives as the platform's own API carries it ({@link MetaConversionsEvent},
 * {@link GoogleClickConversion}, {@link TikTokEvent}, {@link SnapchatConversionsEvent}). Each field that
 * feeds a seed key is checked; a key counts when at least one of its values is valid (the seed's
 * {@code _has_valid_value}), and the score is the sum of the counted keys' weights
 * ({@link MatchWeights}). A value that is there but unusable (a plain email where a hash is expected, a
 * private IP address, a click id in the wrong shape) is listed with its path and why, and its key is
 * missing unless another value of it is valid. Fields the seed does not weigh (first name, city, Meta's
 * {@code fbp}, …) are checked and reported the same way but do not change the score.
 *
 * <p>Stateless and thread-safe.
 */
public final class EventQualityAnalyzer {

    private static final Map<Platform, ServerEventFormat> FORMATS = new EnumMap<>(Map.of(
            Platform.META, new MetaConversionsEvent(),
            Platform.GOOGLE, new GoogleClickConversion(),
            Platform.TIKTOK, new TikTokEvent(),
            Platform.SNAPCHAT, new SnapchatConversionsEvent()));

    /**
     * @param event    one event as parsed JSON: a {@code Map} of {@code Map}, {@code List}, {@code String},
     *                 {@code Number}, {@code Boolean} and {@code null}
     * @param platform whose format the event is in
     * @return its score, level, missing keys, invalid values, attribution estimate and recommendations
     * @throws InvalidMlInputException (field {@code event}) when the event is not a JSON object
     */
    public EventQualityResult analyze(Object event, Platform platform) {
        Objects.requireNonNull(platform, "platform");
        if (!(event instanceof Map<?, ?> object)) {
            throw new InvalidMlInputException("event", "must be a JSON object, was " + JsonTypes.nameOf(event));
        }
        ServerEventFormat format = FORMATS.get(platform);
        EventFields fields = new EventFields();
        format.read(object, fields);

        Set<MatchKey> valid = EnumSet.noneOf(MatchKey.class);
        Set<MatchKey> present = EnumSet.noneOf(MatchKey.class);
        List<InvalidField> invalid = new ArrayList<>(fields.structural());
        for (EventFields.Value value : fields.values()) {
            Optional<String> problem = problem(value);
            if (value.key() != null) {
                present.add(value.key());
            }
            if (problem.isPresent()) {
                invalid.add(new InvalidField(value.path(), problem.get()));
            } else if (value.key() != null) {
                valid.add(value.key());
            }
        }

        Map<MatchKey, Integer> weights = MatchWeights.of(platform);
        int score = 0;
        List<MatchKey> missing = new ArrayList<>();
        for (Map.Entry<MatchKey, Integer> weight : weights.entrySet()) {
            if (valid.contains(weight.getKey())) {
                score += weight.getValue();
            } else {
                missing.add(weight.getKey());
            }
        }
        QualityLevel level = QualityLevel.of(score);
        return new EventQualityResult(score, level, missing, invalid, level.roasImpactEstimate(),
                recommendations(format, weights, missing, present, invalid));
    }

    private static Optional<String> problem(EventFields.Value value) {
        if (value.value() instanceof String text) {
            return text.isBlank() ? Optional.of("is empty") : value.check().problem(text);
        }
        if (value.value() instanceof Number && value.numbersAllowed()) {
            return Optional.empty();
        }
        return Optional.of("must be a string, was " + JsonTypes.nameOf(value.value()));
    }

    /** Fixes for the invalid values first, then the absent keys, heaviest first. */
    private static List<String> recommendations(ServerEventFormat format, Map<MatchKey, Integer> weights,
                                                List<MatchKey> missing, Set<MatchKey> present,
                                                List<InvalidField> invalid) {
        List<String> recommendations = new ArrayList<>();
        for (InvalidField field : invalid) {
            recommendations.add(field.path() + " " + field.reason());
        }
        missing.stream()
                .filter(key -> !present.contains(key))
                .sorted((a, b) -> Integer.compare(weights.get(b), weights.get(a)))
                .forEach(key -> recommendations.add(format.whenMissing(key)));
        return recommendations;
    }
}
