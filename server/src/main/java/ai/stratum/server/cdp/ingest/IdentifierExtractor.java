package ai.stratum.server.cdp.ingest;

import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.IdentifierNormalizer;
import ai.stratum.server.cdp.identity.IdentifierType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The identifiers an event carries: its anonymousId and userId; the e-mail and phone among the
 * traits it says about the person ({@link IncomingEvent#profileTraits}); {@code context.externalIds}
 * as Segment's Unify reads them; and ad click ids ({@link ClickIds}).
 *
 * <p>E-mails and phones in a track call's properties are deliberately not identifiers: "Invite
 * Sent" with the invitee's address would otherwise merge the inviter with the invitee.
 */
public final class IdentifierExtractor {

    private IdentifierExtractor() {
    }

    public static List<Identifier> extract(Optional<String> anonymousId, Optional<String> userId, Map<String, Object> profileTraits,
                                           Map<String, Object> context, Map<String, Object> properties) {
        List<Identifier> found = new ArrayList<>();
        anonymousId.flatMap(id -> IdentifierNormalizer.normalize(IdentifierType.ANONYMOUS_ID, id)).ifPresent(found::add);
        userId.flatMap(id -> IdentifierNormalizer.normalize(IdentifierType.USER_ID, id)).ifPresent(found::add);
        text(profileTraits.get("email")).flatMap(email -> IdentifierNormalizer.normalize(IdentifierType.EMAIL, email)).ifPresent(found::add);
        text(profileTraits.get("phone")).flatMap(phone -> IdentifierNormalizer.normalize(IdentifierType.PHONE, phone)).ifPresent(found::add);
        externalIds(context.get("externalIds"), found);
        found.addAll(ClickIds.of(context, properties));
        return found.stream().distinct().sorted().toList();
    }

    /**
     * {@code [{ "id": "…", "type": "email" | "phone" | "user_id" | "anonymous_id" | <other>, "encoding": "none" | … }]}:
     * the four known types become those identifiers; any other type, or a hashed value, an EXTERNAL_ID
     * {@code <type>:<id>} (a hashed e-mail can link profiles but is not an e-mail).
     */
    private static void externalIds(Object externalIds, List<Identifier> found) {
        if (!(externalIds instanceof List<?> entries)) {
            return;
        }
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> external)) {
                continue;
            }
            Optional<String> id = text(external.get("id"));
            Optional<String> type = text(external.get("type")).map(t -> t.strip().toLowerCase(Locale.ROOT));
            Optional<String> encoding = text(external.get("encoding")).map(e -> e.strip().toLowerCase(Locale.ROOT));
            if (id.isEmpty() || type.isEmpty()) {
                continue;
            }
            boolean plain = encoding.isEmpty() || encoding.get().equals("none");
            Optional<IdentifierType> known = plain ? knownType(type.get()) : Optional.empty();
            if (known.isPresent()) {
                IdentifierNormalizer.normalize(known.get(), id.get()).ifPresent(found::add);
            } else {
                String kind = plain ? type.get() : type.get() + "_" + encoding.get();
                IdentifierNormalizer.prefixed(kind, id.get()).ifPresent(v -> found.add(new Identifier(IdentifierType.EXTERNAL_ID, v)));
            }
        }
    }

    private static Optional<IdentifierType> knownType(String type) {
        return switch (type) {
            case "email" -> Optional.of(IdentifierType.EMAIL);
            case "phone" -> Optional.of(IdentifierType.PHONE);
            case "user_id", "userid" -> Optional.of(IdentifierType.USER_ID);
            case "anonymous_id", "anonymousid" -> Optional.of(IdentifierType.ANONYMOUS_ID);
            default -> Optional.empty();
        };
    }

    /** A string, or a whole number written as one (ids are often numeric). */
    static Optional<String> text(Object value) {
        if (value instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return Optional.of(value.toString());
        }
        return Optional.empty();
    }
}
