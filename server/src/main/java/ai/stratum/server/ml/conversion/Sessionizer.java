package ai.stratum.server.ml.conversion;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a visitor's events into seed 001's conversion examples: one per session, its nine inputs as they
 * stood before the visitor ordered, and whether the session ended in an order.
 *
 * <ul>
 *   <li>A session is a run of page, screen and track events with no gap over {@value #SESSION_GAP_MINUTES}
 *   minutes (the web analytics convention).</li>
 *   <li>Converted: the session holds an order event (the CDP's order events, {@code STRATUM_CDP_ORDER_EVENTS},
 *   "Order Completed" by default). The inputs are read from the events before the first order only, so
 *   the order itself never tells the model the answer.</li>
 *   <li>{@code session_duration}: seconds from the first to the last of those events;
 *   {@code pages_viewed}: their page and screen views.</li>
 *   <li>The cart: "Product Added" adds {@code price × quantity} and {@code quantity} items, "Product
 *   Removed" takes them off (never below empty), within the session — events show a cart being filled, not
 *   one carried over from an earlier visit.</li>
 *   <li>{@code time_since_last_visit}: days from the end of the visitor's previous session to the start of
 *   this one, 0 for a first session; {@code previous_purchases}: orders in earlier sessions.</li>
 *   <li>{@code user_segment}: NEW for a first session, HIGH_VALUE from {@value #HIGH_VALUE_ORDERS} earlier
 *   orders on (the seed names the segment without a rule), else RETURNING.</li>
 *   <li>{@code device_type}: {@code context.device.type} (mobile, ios, android → MOBILE; tablet, ipad →
 *   TABLET), else the user agent (iPad or Tablet → TABLET; Mobi, Android, iPhone → MOBILE), else DESKTOP.</li>
 *   <li>{@code traffic_source}, from the session's first event: an ad click id in the URL (gclid, fbclid,
 *   ttclid, ScCid, msclkid) or a paid utm_medium (cpc, ppc, paid…, display, affiliate) → PAID; utm_medium
 *   social → SOCIAL, organic → ORGANIC; else the referrer: a social network → SOCIAL, any other site →
 *   ORGANIC (unpaid), none → DIRECT.</li>
 * </ul>
 */
public final class Sessionizer {

    static final int SESSION_GAP_MINUTES = 30;
    static final int HIGH_VALUE_ORDERS = 3;
    private static final Duration GAP = Duration.ofMinutes(SESSION_GAP_MINUTES);
    private static final Set<String> PAID_MEDIA = Set.of("cpc", "ppc", "paid", "paidsearch", "paid_search", "paidsocial",
            "paid_social", "paid-social", "cpm", "display", "affiliate", "cpv", "cpa");
    private static final List<String> CLICK_IDS = List.of("gclid=", "gbraid=", "wbraid=", "fbclid=", "ttclid=", "sccid=", "msclkid=");
    private static final List<String> SOCIAL_SITES = List.of("facebook.com", "fb.com", "instagram.com", "t.co", "twitter.com",
            "x.com", "linkedin.com", "lnkd.in", "tiktok.com", "pinterest.com", "reddit.com", "snapchat.com", "youtube.com");

    private final Set<String> orderEvents;

    /** @param orderEvents names of track events that are orders, any case */
    public Sessionizer(Set<String> orderEvents) {
        this.orderEvents = orderEvents.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /**
     * @param events one visitor's events, oldest first
     * @param rows   where to add one row per session
     * @return how many sessions were added
     */
    public int addSessions(List<SessionEvent> events, SessionDataset.Builder rows) {
        int previousPurchases = 0;
        SessionEvent previousEnd = null;
        int sessions = 0;
        int start = 0;
        for (int i = 1; i <= events.size(); i++) {
            boolean ends = i == events.size() || Duration.between(events.get(i - 1).at(), events.get(i).at()).compareTo(GAP) > 0;
            if (!ends) {
                continue;
            }
            List<SessionEvent> session = events.subList(start, i);
            int orders = (int) session.stream().filter(this::isOrder).count();
            rows.add(features(session, previousEnd, previousPurchases), orders > 0);
            previousPurchases += orders;
            previousEnd = session.get(session.size() - 1);
            sessions++;
            start = i;
        }
        return sessions;
    }

    private SessionFeatures features(List<SessionEvent> session, SessionEvent previousEnd, int previousPurchases) {
        List<SessionEvent> before = new ArrayList<>();
        for (SessionEvent event : session) {
            if (isOrder(event)) {
                break;
            }
            before.add(event);
        }
        SessionEvent first = session.get(0);
        List<SessionEvent> seen = before.isEmpty() ? List.of(first) : before;
        double seconds = Duration.between(seen.get(0).at(), seen.get(seen.size() - 1).at()).toMillis() / 1000.0;
        int pages = 0;
        double cart = 0;
        double items = 0;
        for (SessionEvent event : before) {
            if (event.kind() != SessionEvent.Kind.TRACK) {
                pages++;
            } else if (event.name().equalsIgnoreCase("Product Added")) {
                cart += event.price() * event.quantity();
                items += event.quantity();
            } else if (event.name().equalsIgnoreCase("Product Removed")) {
                cart = Math.max(0, cart - event.price() * event.quantity());
                items = Math.max(0, items - event.quantity());
            }
        }
        double daysSince = previousEnd == null ? 0 : Duration.between(previousEnd.at(), first.at()).toMillis() / 86_400_000.0;
        UserSegment segment = previousEnd == null ? UserSegment.NEW
                : previousPurchases >= HIGH_VALUE_ORDERS ? UserSegment.HIGH_VALUE : UserSegment.RETURNING;
        return new SessionFeatures(seconds, pages, Math.round(cart * 100) / 100.0, (int) Math.round(items), daysSince,
                previousPurchases, device(seen), source(first), segment);
    }

    private boolean isOrder(SessionEvent event) {
        return event.kind() == SessionEvent.Kind.TRACK && orderEvents.contains(event.name().strip().toLowerCase(Locale.ROOT));
    }

    static DeviceType device(List<SessionEvent> events) {
        for (SessionEvent event : events) {
            String type = event.deviceType().toLowerCase(Locale.ROOT);
            if (type.equals("tablet") || type.equals("ipad")) {
                return DeviceType.TABLET;
            }
            if (type.equals("mobile") || type.equals("ios") || type.equals("android") || type.equals("phone")) {
                return DeviceType.MOBILE;
            }
            if (!type.isEmpty()) {
                return DeviceType.DESKTOP;
            }
        }
        for (SessionEvent event : events) {
            String agent = event.userAgent();
            if (!agent.isEmpty()) {
                if (agent.contains("iPad") || agent.contains("Tablet")) {
                    return DeviceType.TABLET;
                }
                return agent.contains("Mobi") || agent.contains("Android") || agent.contains("iPhone")
                        ? DeviceType.MOBILE : DeviceType.DESKTOP;
            }
        }
        return DeviceType.DESKTOP;
    }

    static TrafficSource source(SessionEvent first) {
        String url = first.url().toLowerCase(Locale.ROOT);
        String medium = first.campaignMedium().strip().toLowerCase(Locale.ROOT);
        if (CLICK_IDS.stream().anyMatch(id -> url.contains("?" + id) || url.contains("&" + id))
                || PAID_MEDIA.contains(medium) || medium.startsWith("paid")) {
            return TrafficSource.PAID;
        }
        if (medium.equals("social") || medium.equals("social-network") || medium.equals("sm")) {
            return TrafficSource.SOCIAL;
        }
        if (medium.equals("organic")) {
            return TrafficSource.ORGANIC;
        }
        String host = host(first.referrer());
        if (host.isEmpty()) {
            return TrafficSource.DIRECT;
        }
        return SOCIAL_SITES.stream().anyMatch(site -> host.equals(site) || host.endsWith("." + site))
                ? TrafficSource.SOCIAL : TrafficSource.ORGANIC;
    }

    private static String host(String referrer) {
        if (referrer.isBlank()) {
            return "";
        }
        try {
            String host = URI.create(referrer.strip()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // a referrer that is no URL still says the visitor came from somewhere
            return referrer.strip().toLowerCase(Locale.ROOT);
        }
    }
}
