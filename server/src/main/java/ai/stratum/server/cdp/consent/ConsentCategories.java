package ai.stratum.server.cdp.consent;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the consent a consent manager attached to an event, in the shape Segment's consent
 * management sends: {@code context.consent.categoryPreferences}, an object of category name to
 * boolean, e.g. {@code {"Advertising": false, "Analytics": true, "C0003": true}}. Pure.
 *
 * <p>Category names are matched case-insensitively, ignoring anything but letters and digits, against
 * the usual names and OneTrust's default category ids (C0002 performance, C0003 functional, C0004
 * targeting). Unknown categories (C0001, strictly necessary, among them) state nothing. Where two
 * categories of one event map to the same purpose and disagree, the refusal wins: a person who
 * refused one of them did not consent.
 */
public final class ConsentCategories {

    private static final Map<String, ConsentPurpose> PURPOSES = Map.ofEntries(
            Map.entry("analytics", ConsentPurpose.ANALYTICS),
            Map.entry("performance", ConsentPurpose.ANALYTICS),
            Map.entry("statistics", ConsentPurpose.ANALYTICS),
            Map.entry("measurement", ConsentPurpose.ANALYTICS),
            Map.entry("c0002", ConsentPurpose.ANALYTICS),
            Map.entry("advertising", ConsentPurpose.ADVERTISING),
            Map.entry("marketing", ConsentPurpose.ADVERTISING),
            Map.entry("targeting", ConsentPurpose.ADVERTISING),
            Map.entry("datasharing", ConsentPurpose.ADVERTISING),
            Map.entry("c0004", ConsentPurpose.ADVERTISING),
            Map.entry("personalization", ConsentPurpose.PERSONALIZATION),
            Map.entry("personalisation", ConsentPurpose.PERSONALIZATION),
            Map.entry("functional", ConsentPurpose.PERSONALIZATION),
            Map.entry("c0003", ConsentPurpose.PERSONALIZATION),
            Map.entry("email", ConsentPurpose.EMAIL),
            Map.entry("emailmarketing", ConsentPurpose.EMAIL),
            Map.entry("sms", ConsentPurpose.SMS),
            Map.entry("smsmarketing", ConsentPurpose.SMS));

    private ConsentCategories() {
    }

    /** Granted (true) or refused (false) per purpose the event's context states; empty when it states none. */
    public static Map<ConsentPurpose, Boolean> read(Map<String, Object> context) {
        Map<ConsentPurpose, Boolean> stated = new EnumMap<>(ConsentPurpose.class);
        if (!(context.get("consent") instanceof Map<?, ?> consent) || !(consent.get("categoryPreferences") instanceof Map<?, ?> categories)) {
            return stated;
        }
        categories.forEach((category, value) -> {
            if (value instanceof Boolean granted) {
                purpose(String.valueOf(category)).ifPresent(purpose -> stated.merge(purpose, granted, Boolean::logicalAnd));
            }
        });
        return stated;
    }

    static Optional<ConsentPurpose> purpose(String category) {
        return Optional.ofNullable(PURPOSES.get(category.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")));
    }
}
