package ai.stratum.server.ml.conversion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SessionizerTest {

    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    final Sessionizer sessionizer = new Sessionizer(Set.of("Order Completed"));

    /**
     * Three sessions of one visitor. 1: three pages over 4 minutes, two of a 20.00 product added then one
     * removed, no order. 2 (2 days later, from a Google ad): a page, a 55.50 product, the order 3 minutes in,
     * then another page. 3 (31 minutes of silence later): one page.
     */
    @Test
    void splitsAtThirtyMinutesOfSilenceAndReadsEachSessionBeforeItsOrder() {
        List<SessionEvent> events = new ArrayList<>();
        events.add(page(0, "https://shop.test/", "https://www.google.com/search?q=shoes", "", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)"));
        events.add(page(60, "https://shop.test/shoes", "", "", ""));
        events.add(track(90, "Product Added", 20, 2));
        events.add(track(150, "Product Removed", 20, 1));
        events.add(page(240, "https://shop.test/cart", "", "", ""));
        long day2 = 2 * 86_400 + 240;
        events.add(page(day2, "https://shop.test/?gclid=abc", "", "", ""));
        events.add(track(day2 + 60, "Product Added", 55.5, 1));
        events.add(track(day2 + 180, "Order Completed", 0, 1));
        events.add(page(day2 + 240, "https://shop.test/thanks", "", "", ""));
        long third = day2 + 240 + 31 * 60;
        events.add(page(third, "https://shop.test/", "", "social", ""));
        SessionDataset.Builder rows = new SessionDataset.Builder();

        int sessions = sessionizer.addSessions(events, rows);

        SessionDataset data = rows.build();
        assertThat(sessions).isEqualTo(3);
        assertThat(data.labels()).containsExactly(false, true, false);
        assertThat(data.features()[0]).containsExactly(240, 3, 20, 1, 0, 0, DeviceType.MOBILE.ordinal(),
                TrafficSource.ORGANIC.ordinal(), UserSegment.NEW.ordinal());
        double[] second = data.features()[1];
        assertThat(second[0]).isEqualTo(60);       // the order at 180 s and the page after it are not read
        assertThat(second[1]).isEqualTo(1);
        assertThat(second[2]).isEqualTo(55.5);
        assertThat(second[3]).isEqualTo(1);
        assertThat(second[4]).isCloseTo(2.0, within(1e-9)); // from the end of session 1 to the start of session 2
        assertThat(second[5]).isZero();
        assertThat(second[7]).isEqualTo(TrafficSource.PAID.ordinal());
        assertThat(second[8]).isEqualTo(UserSegment.RETURNING.ordinal());
        double[] third3 = data.features()[2];
        assertThat(third3[4]).isCloseTo(31.0 / 1440, within(1e-9));
        assertThat(third3[5]).isEqualTo(1);        // the order of session 2
        assertThat(third3[7]).isEqualTo(TrafficSource.SOCIAL.ordinal());
    }

    @Test
    void aVisitorWithThreeEarlierOrdersIsHighValue() {
        List<SessionEvent> events = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            events.add(page(day * 86_400L, "https://shop.test/", "", "", ""));
            events.add(track(day * 86_400L + 30, "order completed", 0, 1));
        }
        SessionDataset.Builder rows = new SessionDataset.Builder();

        sessionizer.addSessions(events, rows);

        SessionDataset data = rows.build();
        assertThat(java.util.Arrays.stream(data.features()).map(row -> UserSegment.values()[(int) row[8]]))
                .containsExactly(UserSegment.NEW, UserSegment.RETURNING, UserSegment.RETURNING, UserSegment.HIGH_VALUE);
        assertThat(data.labels()).containsOnly(true);
    }

    @ParameterizedTest(name = "device {0}, agent {1}: {2}")
    @CsvSource({
            "mobile,  '',                                            MOBILE",
            "ios,     '',                                            MOBILE",
            "tablet,  '',                                            TABLET",
            "desktop, 'Mozilla/5.0 (iPhone)',                         DESKTOP",
            "'',      'Mozilla/5.0 (iPad; CPU OS 17_0)',              TABLET",
            "'',      'Mozilla/5.0 (Linux; Android 14) Mobile',       MOBILE",
            "'',      'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',    DESKTOP",
            "'',      '',                                            DESKTOP"})
    void readsTheDeviceFromTheContext(String deviceType, String agent, DeviceType expected) {
        SessionEvent event = new SessionEvent("p", T0, SessionEvent.Kind.PAGE, "", 0, 1, deviceType, agent, "", "", "");

        assertThat(Sessionizer.device(List.of(event))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "url {0}, medium {1}, referrer {2}: {3}")
    @CsvSource({
            "https://shop.test/?fbclid=x,      '',       '',                                  PAID",
            "https://shop.test/a?b=1&gclid=x,  '',       'https://www.google.com/',           PAID",
            "https://shop.test/,               cpc,      '',                                  PAID",
            "https://shop.test/,               paid_social, 'https://facebook.com/',          PAID",
            "https://shop.test/,               social,   '',                                  SOCIAL",
            "https://shop.test/,               organic,  '',                                  ORGANIC",
            "https://shop.test/,               '',       'https://l.instagram.com/',          SOCIAL",
            "https://shop.test/,               '',       'https://t.co/abc',                  SOCIAL",
            "https://shop.test/,               '',       'https://x.company.org/',            ORGANIC",
            "https://shop.test/,               '',       'https://www.bing.com/search?q=a',   ORGANIC",
            "https://shop.test/,               '',       '',                                  DIRECT"})
    void readsTheTrafficSourceFromTheFirstEvent(String url, String medium, String referrer, TrafficSource expected) {
        SessionEvent event = new SessionEvent("p", T0, SessionEvent.Kind.PAGE, "", 0, 1, "", "", medium, referrer, url);

        assertThat(Sessionizer.source(event)).isEqualTo(expected);
    }

    private static SessionEvent page(long second, String url, String referrer, String medium, String agent) {
        return new SessionEvent("p", T0.plusSeconds(second), SessionEvent.Kind.PAGE, "", 0, 1, "", agent, medium, referrer, url);
    }

    private static SessionEvent track(long second, String name, double price, double quantity) {
        return new SessionEvent("p", T0.plusSeconds(second), SessionEvent.Kind.TRACK, name, price, quantity, "", "", "", "", "");
    }
}
