package ai.stratum.server.cdp.ingest;

import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.IdentifierNormalizer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one event as a Segment-compatible SDK sends it and turns it into an {@link IncomingEvent},
 * or says precisely what is wrong with it. Pure: no I/O, no clock (the receipt time is given).
 *
 * <p>Rules, from the Segment HTTP API and Spec: every call names a {@code userId} or an
 * {@code anonymousId} (an alias names {@code userId} and {@code previousId}; a group also a
 * {@code groupId}); a track names its {@code event}; a {@code messageId} is at most 100 characters
 * and is generated when missing (such an event cannot be deduplicated); timestamps are ISO-8601
 * (without an offset read as UTC); {@code properties}, {@code traits}, {@code context} and
 * {@code integrations} are objects. On top, what PostgreSQL cannot store is refused here rather
 * than failing the whole request: NUL characters and numbers outside the double range.
 *
 * <p>Top-level fields the spec does not define (the {@code writeKey}, SDK metadata) are not kept.
 */
public final class EventReader {

    static final int MAX_MESSAGE_ID_LENGTH = 100;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_IDENTIFIERS = 25;
    private static final Pattern CURRENCY = Pattern.compile("^[A-Za-z]{3}$");
    private static final List<String> REVENUE_PROPERTIES = List.of("revenue", "total", "value");

    private final Set<String> orderEvents;
    private final Supplier<String> messageIds;

    /**
     * @param orderEvents names of track events that are orders (Segment's e-commerce spec: "Order Completed"), any case
     * @param messageIds  messageIds for events sent without one
     */
    public EventReader(Set<String> orderEvents, Supplier<String> messageIds) {
        this.orderEvents = orderEvents.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.messageIds = messageIds;
    }

    /**
     * @param pathType the call the endpoint stands for ({@code /v1/track}); empty for a batch item, which names its {@code type}
     */
    public EventReading read(int index, Object raw, Optional<EventType> pathType, BatchDefaults defaults, Instant receivedAt) {
        try {
            return new EventReading.Valid(readValid(index, raw, pathType, defaults, receivedAt));
        } catch (Refused refused) {
            return new EventReading.Invalid(new EventError(index, refused.messageId, Optional.ofNullable(refused.field), refused.getMessage()));
        }
    }

    private IncomingEvent readValid(int index, Object raw, Optional<EventType> pathType, BatchDefaults defaults, Instant receivedAt) {
        if (!(raw instanceof Map<?, ?> rawMap)) {
            throw new Refused(null, Optional.empty(), "An event must be a JSON object");
        }
        Map<String, Object> json = stringKeys(rawMap);
        Optional<String> messageId = optionalId(json, "messageId", Optional.empty());
        messageId.ifPresent(id -> {
            if (id.length() > MAX_MESSAGE_ID_LENGTH) {
                throw new Refused("messageId", Optional.empty(), "messageId must be at most " + MAX_MESSAGE_ID_LENGTH + " characters");
            }
        });
        checkStorable(json, "", messageId);
        EventType type = pathType.orElseGet(() -> typeOf(json, messageId));

        Optional<String> anonymousId = optionalId(json, "anonymousId", messageId);
        Optional<String> userId = optionalId(json, "userId", messageId);
        Optional<String> previousId = optionalId(json, "previousId", messageId);
        Optional<String> groupId = optionalId(json, "groupId", messageId);
        requireIdentity(type, anonymousId, userId, previousId, groupId, messageId);

        Optional<String> event = optionalText(json, "event", messageId);
        if (type == EventType.TRACK && event.isEmpty()) {
            throw new Refused("event", messageId, "A track call needs its event name in 'event'");
        }
        Optional<String> name = optionalText(json, "name", messageId);

        Map<String, Object> properties = object(json, "properties", messageId);
        Map<String, Object> traits = object(json, "traits", messageId);
        Map<String, Object> context = withDefaults(defaults.context(), object(json, "context", messageId));
        Map<String, Object> integrations = withDefaults(defaults.integrations(), object(json, "integrations", messageId));

        Optional<Instant> original = instant(json, "timestamp", messageId).or(() -> instant(json, "originalTimestamp", messageId));
        Optional<Instant> sentAt = instant(json, "sentAt", messageId).or(defaults::sentAt);
        Instant timestamp = EventTimestamps.corrected(original, sentAt, receivedAt);

        List<Identifier> identifiers = IdentifierExtractor.extract(anonymousId, userId,
                IncomingEvent.profileTraits(type, traits, context), context, properties);
        if (identifiers.size() > MAX_IDENTIFIERS) {
            throw new Refused(null, messageId, "An event may carry at most " + MAX_IDENTIFIERS + " identifiers; this one has "
                    + identifiers.size());
        }
        Optional<OrderFacts> order = type == EventType.TRACK && orderEvents.contains(event.get().strip().toLowerCase(Locale.ROOT))
                ? Optional.of(order(properties, messageId))
                : Optional.empty();
        return new IncomingEvent(index, type, messageId.orElseGet(messageIds), anonymousId, userId, event, name, previousId, groupId,
                properties, traits, context, integrations, timestamp, original, sentAt, receivedAt, identifiers, order);
    }

    private static EventType typeOf(Map<String, Object> json, Optional<String> messageId) {
        Object type = json.get("type");
        if (!(type instanceof String text)) {
            throw new Refused("type", messageId, "A batch item needs its 'type': track, identify, page, screen, alias or group");
        }
        return EventType.fromSpecName(text).orElseThrow(() -> new Refused("type", messageId,
                "Unknown type '" + text + "'; use track, identify, page, screen, alias or group"));
    }

    private static void requireIdentity(EventType type, Optional<String> anonymousId, Optional<String> userId,
                                        Optional<String> previousId, Optional<String> groupId, Optional<String> messageId) {
        if (type == EventType.ALIAS) {
            if (userId.isEmpty()) {
                throw new Refused("userId", messageId, "An alias call needs the new 'userId'");
            }
            if (previousId.isEmpty()) {
                throw new Refused("previousId", messageId, "An alias call needs the 'previousId' it merges into userId");
            }
            return;
        }
        if (userId.isEmpty() && anonymousId.isEmpty()) {
            throw new Refused("userId", messageId, "Every call needs a userId or an anonymousId");
        }
        if (type == EventType.GROUP && groupId.isEmpty()) {
            throw new Refused("groupId", messageId, "A group call needs its 'groupId'");
        }
    }

    private OrderFacts order(Map<String, Object> properties, Optional<String> messageId) {
        Optional<Long> revenue = Optional.empty();
        for (String property : REVENUE_PROPERTIES) {
            Object value = properties.get(property);
            if (value != null) {
                revenue = Optional.of(micros(value, "properties." + property, messageId));
                break;
            }
        }
        Optional<String> currency = Optional.empty();
        Object code = properties.get("currency");
        if (code != null) {
            if (!(code instanceof String text) || !CURRENCY.matcher(text.strip()).matches()) {
                throw new Refused("properties.currency", messageId, "currency must be a three-letter ISO 4217 code such as USD");
            }
            currency = Optional.of(text.strip().toUpperCase(Locale.ROOT));
        }
        return new OrderFacts(revenue, currency);
    }

    /** A non-negative amount, as a JSON number or a numeric string, in micro-units rounded half-even. */
    private static long micros(Object value, String field, Optional<String> messageId) {
        BigDecimal amount;
        try {
            amount = decimal(value);
        } catch (NumberFormatException e) {
            throw new Refused(field, messageId, field + " must be a number");
        }
        if (amount.signum() < 0) {
            throw new Refused(field, messageId, field + " must not be negative");
        }
        try {
            return amount.movePointRight(6).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (ArithmeticException e) {
            throw new Refused(field, messageId, field + " is too large");
        }
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (value instanceof String text) {
            return new BigDecimal(text.strip());
        }
        throw new NumberFormatException();
    }

    private static Optional<String> optionalId(Map<String, Object> json, String field, Optional<String> messageId) {
        Object value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        Optional<String> text = IdentifierExtractor.text(value);
        if (text.isEmpty()) {
            throw new Refused(field, messageId, field + " must be a string");
        }
        String stripped = text.get().strip();
        if (stripped.length() > IdentifierNormalizer.MAX_LENGTH) {
            throw new Refused(field, messageId, field + " must be at most " + IdentifierNormalizer.MAX_LENGTH + " characters");
        }
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }

    private static Optional<String> optionalText(Map<String, Object> json, String field, Optional<String> messageId) {
        Object value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new Refused(field, messageId, field + " must be a string");
        }
        if (text.strip().length() > MAX_NAME_LENGTH) {
            throw new Refused(field, messageId, field + " must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    private static Map<String, Object> object(Map<String, Object> json, String field, Optional<String> messageId) {
        Object value = json.get(field);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new Refused(field, messageId, field + " must be a JSON object");
        }
        return stringKeys(map);
    }

    private static Optional<Instant> instant(Map<String, Object> json, String field, Optional<String> messageId) {
        Object value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            try {
                return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return Optional.of(LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException e) {
                    // neither form: refused below
                }
            }
        }
        throw new Refused(field, messageId, field + " must be an ISO-8601 date-time such as 2026-11-25T08:00:00.000Z");
    }

    /** The batch's values under the event's own, top-level key by key. */
    private static Map<String, Object> withDefaults(Map<String, Object> defaults, Map<String, Object> own) {
        if (defaults.isEmpty()) {
            return own;
        }
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        merged.putAll(own);
        return merged;
    }

    /** Refuses what PostgreSQL cannot keep in text or jsonb: NUL characters, and numbers JSON cannot write. */
    private static void checkStorable(Object value, String path, Optional<String> messageId) {
        if (value instanceof String text && text.indexOf('\u0000') >= 0) {
            throw new Refused(path.isEmpty() ? null : path, messageId, "Text may not contain NUL characters (\\u0000)");
        }
        if (value instanceof Double number && !Double.isFinite(number)) {
            throw new Refused(path, messageId, path + " is a number too large to store");
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                String name = String.valueOf(key);
                String at = path.isEmpty() ? name : path + "." + name;
                checkStorable(name, at, messageId);
                if (item != null) {
                    checkStorable(item, at, messageId);
                }
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != null) {
                    checkStorable(list.get(i), path + "[" + i + "]", messageId);
                }
            }
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    /** Internal: one rule broken, with the field and message the client will see. */
    private static final class Refused extends RuntimeException {
        private final String field;
        private final Optional<String> messageId;

        Refused(String field, Optional<String> messageId, String message) {
            super(message, null, false, false);
            this.field = field;
            this.messageId = messageId;
        }
    }
}
