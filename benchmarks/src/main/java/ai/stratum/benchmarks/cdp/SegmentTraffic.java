package ai.stratum.benchmarks.cdp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Web-shop traffic as a server-side relay of analytics.js would batch it: events of many visitors'
 * sessions interleaved, in the order they happen. Deterministic for a seed, so a second instance
 * with the same seed yields the same events (the raw-insert baseline stores the very rows the
 * ingestion stored), and bounded in memory however many events are drawn: it remembers only the
 * last {@value #REMEMBERED_VISITORS} visitors and {@value #REMEMBERED_USERS} accounts.
 *
 * <p>A session lands on a page (one in five from an ad, its click id in the URL), browses pages and
 * products, may add to cart, may log in and may order. The visitor is new ({@value #NEW_VISITOR_PERCENT} %)
 * or a returning browser (its anonymousId again, with its userId once it logged in). A login is an
 * {@code identify} with the account's userId and e-mail: to an account seen before on another browser
 * in {@value #EXISTING_ACCOUNT_PERCENT} % of logins, which merges that browser's anonymous profile into
 * the account's, otherwise a sign-up. An order is an {@code Order Completed} track call with revenue.
 */
public final class SegmentTraffic {

    static final int ACTIVE_SESSIONS = 500;
    static final int REMEMBERED_VISITORS = 200_000;
    static final int REMEMBERED_USERS = 100_000;
    static final int NEW_VISITOR_PERCENT = 60;
    static final int LOGIN_PERCENT = 15;
    static final int EXISTING_ACCOUNT_PERCENT = 50;
    static final int ORDER_PERCENT = 5;
    static final int AD_CLICK_PERCENT = 20;

    private static final String[] CLICK_PARAMETERS = {"gclid", "fbclid", "ttclid", "ScCid"};
    private static final String[] CURRENCIES = {"USD", "USD", "USD", "EUR", "GBP"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"};
    private static final Map<String, Object> LIBRARY = Map.of("name", "analytics.js", "version", "5.2.0");

    private final SplittableRandom random;
    private final String[] visitorAnonymousIds = new String[REMEMBERED_VISITORS];
    private final String[] visitorUserIds = new String[REMEMBERED_VISITORS];
    private final Account[] accounts = new Account[REMEMBERED_USERS];
    private final Session[] sessions = new Session[ACTIVE_SESSIONS];
    private long visitors;
    private long accountCount;
    private long drawn;
    private long clockMillis;

    /** Counts of what was drawn, for the report and the generator's test. */
    private long newVisitors;
    private long returningVisitors;
    private long signUps;
    private long loginsToExistingAccounts;
    private long orders;

    public SegmentTraffic(long seed, Instant start) {
        this.random = new SplittableRandom(seed);
        this.clockMillis = start.toEpochMilli();
        for (int i = 0; i < sessions.length; i++) {
            sessions[i] = newSession();
        }
    }

    public List<SdkEvent> nextBatch(int size) {
        List<SdkEvent> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(next());
        }
        return batch;
    }

    public SdkEvent next() {
        int slot = random.nextInt(sessions.length);
        Session session = sessions[slot];
        clockMillis += 1 + random.nextInt(20);
        SdkEvent event = session.step();
        if (session.done()) {
            sessions[slot] = newSession();
        }
        drawn++;
        return event;
    }

    public long drawn() {
        return drawn;
    }

    public String mix() {
        return String.format(Locale.ROOT, "%d events: %d new and %d returning visitor sessions, %d sign-ups, %d logins to an account "
                + "known from another browser, %d orders", drawn, newVisitors, returningVisitors, signUps, loginsToExistingAccounts, orders);
    }

    long newVisitors() {
        return newVisitors;
    }

    long returningVisitors() {
        return returningVisitors;
    }

    long signUps() {
        return signUps;
    }

    long loginsToExistingAccounts() {
        return loginsToExistingAccounts;
    }

    long orders() {
        return orders;
    }

    private Session newSession() {
        int remembered = (int) Math.min(visitors, REMEMBERED_VISITORS);
        String anonymousId;
        String userId;
        int visitorSlot;
        if (remembered > 0 && random.nextInt(100) >= NEW_VISITOR_PERCENT) {
            visitorSlot = random.nextInt(remembered);
            anonymousId = visitorAnonymousIds[visitorSlot];
            userId = visitorUserIds[visitorSlot];
            returningVisitors++;
        } else {
            visitorSlot = (int) (visitors++ % REMEMBERED_VISITORS);
            anonymousId = uuid();
            userId = null;
            visitorAnonymousIds[visitorSlot] = anonymousId;
            visitorUserIds[visitorSlot] = null;
            newVisitors++;
        }
        Optional<String> clickId = random.nextInt(100) < AD_CLICK_PERCENT
                ? Optional.of(CLICK_PARAMETERS[random.nextInt(CLICK_PARAMETERS.length)] + "=" + Long.toHexString(random.nextLong()))
                : Optional.empty();
        boolean login = userId == null && random.nextInt(100) < LOGIN_PERCENT;
        int pages = 1 + random.nextInt(6);
        boolean order = random.nextInt(100) < (userId != null || login ? 2 * ORDER_PERCENT : ORDER_PERCENT);
        return new Session(visitorSlot, anonymousId, userId, clickId, AGENTS[random.nextInt(AGENTS.length)],
                "198.51.100." + random.nextInt(256), pages, login ? 1 + random.nextInt(pages) : -1, order);
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private record Account(String userId, String email, String firstName) {
    }

    /** One visit: a landing page, more pages and product views, maybe a login, maybe an order at the end. */
    private final class Session {

        private final int visitorSlot;
        private final String anonymousId;
        private final Optional<String> clickId;
        private final String agent;
        private final String ip;
        private final int pages;
        private final int loginAfterPage;
        private final boolean order;
        private String userId;
        private int pagesSeen;
        private boolean productViewPending;
        private boolean loginPending;
        private boolean orderPending;
        private boolean done;

        Session(int visitorSlot, String anonymousId, String userId, Optional<String> clickId, String agent, String ip, int pages,
                int loginAfterPage, boolean order) {
            this.visitorSlot = visitorSlot;
            this.anonymousId = anonymousId;
            this.userId = userId;
            this.clickId = clickId;
            this.agent = agent;
            this.ip = ip;
            this.pages = pages;
            this.loginAfterPage = loginAfterPage;
            this.order = order;
        }

        boolean done() {
            return done;
        }

        SdkEvent step() {
            SdkEvent event;
            if (loginPending) {
                loginPending = false;
                event = login();
            } else if (productViewPending) {
                productViewPending = false;
                event = productViewed();
            } else if (orderPending) {
                orderPending = false;
                event = orderCompleted();
            } else {
                event = page();
                pagesSeen++;
                productViewPending = random.nextInt(100) < 40;
                loginPending = pagesSeen == loginAfterPage;
                orderPending = pagesSeen == pages && order;
            }
            done = pagesSeen == pages && !loginPending && !productViewPending && !orderPending;
            return event;
        }

        private SdkEvent page() {
            String path = pagesSeen == 0 ? "/" : "/products/" + random.nextInt(5_000);
            String search = pagesSeen == 0 ? clickId.map(id -> "?" + id + "&utm_source=ads").orElse("") : "";
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("path", path);
            page.put("url", "https://shop.example.com" + path + search);
            page.put("search", search);
            page.put("title", pagesSeen == 0 ? "Shop" : "Product");
            page.put("referrer", pagesSeen == 0 ? "https://www.google.com/" : "https://shop.example.com/");
            return event("page", Optional.of(pagesSeen == 0 ? "Home" : "Product"), page, Map.of(), page);
        }

        private SdkEvent productViewed() {
            int product = random.nextInt(5_000);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("product_id", "sku-" + product);
            properties.put("name", "Product " + product);
            properties.put("price", 5 + product % 200);
            properties.put("category", "category-" + product % 40);
            return event("track", Optional.of("Product Viewed"), properties, Map.of(), null);
        }

        private SdkEvent login() {
            int remembered = (int) Math.min(accountCount, REMEMBERED_USERS);
            Account account;
            if (remembered > 0 && random.nextInt(100) < EXISTING_ACCOUNT_PERCENT) {
                account = accounts[random.nextInt(remembered)];
                loginsToExistingAccounts++;
            } else {
                long number = accountCount++;
                account = new Account("user-" + uuid(), "customer" + number + "@mail.example.com", "Name" + number % 997);
                accounts[(int) (number % REMEMBERED_USERS)] = account;
                signUps++;
            }
            userId = account.userId();
            if (visitorAnonymousIds[visitorSlot].equals(anonymousId)) {
                visitorUserIds[visitorSlot] = userId;
            }
            Map<String, Object> traits = new LinkedHashMap<>();
            traits.put("email", account.email());
            traits.put("firstName", account.firstName());
            traits.put("plan", random.nextInt(10) == 0 ? "premium" : "free");
            return event("identify", Optional.empty(), Map.of(), traits, null);
        }

        private SdkEvent orderCompleted() {
            int items = 1 + random.nextInt(3);
            long totalCents = 0;
            List<Object> products = new ArrayList<>(items);
            for (int i = 0; i < items; i++) {
                int product = random.nextInt(5_000);
                long cents = 500 + random.nextInt(20_000);
                totalCents += cents;
                products.add(Map.of("product_id", "sku-" + product, "price", cents / 100.0, "quantity", 1));
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("order_id", "order-" + uuid());
            properties.put("revenue", totalCents / 100.0);
            properties.put("currency", CURRENCIES[random.nextInt(CURRENCIES.length)]);
            properties.put("products", products);
            orders++;
            return event("track", Optional.of("Order Completed"), properties, Map.of(), null);
        }

        private SdkEvent event(String type, Optional<String> name, Map<String, Object> properties, Map<String, Object> traits,
                               Map<String, Object> page) {
            if (userId == null && anonymousId.equals(visitorAnonymousIds[visitorSlot])) {
                userId = visitorUserIds[visitorSlot]; // logged in meanwhile in another tab: the browser's storage is shared
            }
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("library", LIBRARY);
            context.put("userAgent", agent);
            context.put("ip", ip);
            context.put("locale", "en-US");
            if (page != null) {
                context.put("page", page);
            }
            Instant happened = Instant.ofEpochMilli(clockMillis);
            return new SdkEvent(type, uuid(), anonymousId, Optional.ofNullable(userId), name, properties, traits, context, happened,
                    happened.plusMillis(random.nextInt(2_000)));
        }
    }
}
