package ai.stratum.server.ml.conversion;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of a visitor, as much of it as sessions are built from: a CDP event (Segment spec) of a
 * live profile. Text fields are empty when the event did not carry them.
 *
 * @param profile        the live profile the event belongs to
 * @param at             when it happened
 * @param kind           page view, screen view or track event
 * @param name           a track event's name, such as {@code Product Added}; empty for page and screen views
 * @param price          {@code properties.price} of a track event; 0 when absent
 * @param quantity       {@code properties.quantity}; 1 when absent
 * @param deviceType     {@code context.device.type}
 * @param userAgent      {@code context.userAgent}
 * @param campaignMedium {@code context.campaign.medium} (utm_medium)
 * @param referrer       the referring URL: {@code context.page.referrer}, else a page event's
 *                       {@code properties.referrer}
 * @param url            the page URL: {@code context.page.url}, else a page event's {@code properties.url}
 */
public record SessionEvent(String profile, Instant at, Kind kind, String name, double price, double quantity,
                           String deviceType, String userAgent, String campaignMedium, String referrer, String url) {

    public SessionEvent {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        name = Optional.ofNullable(name).orElse("");
        deviceType = Optional.ofNullable(deviceType).orElse("");
        userAgent = Optional.ofNullable(userAgent).orElse("");
        campaignMedium = Optional.ofNullable(campaignMedium).orElse("");
        referrer = Optional.ofNullable(referrer).orElse("");
        url = Optional.ofNullable(url).orElse("");
        if (!Double.isFinite(price) || price < 0) {
            price = 0;
        }
        if (!Double.isFinite(quantity) || quantity <= 0) {
            quantity = 1;
        }
    }

    /** What kind of event it is. */
    public enum Kind {
        PAGE,
        SCREEN,
        TRACK
    }
}
