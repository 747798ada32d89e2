package ai.stratum.server.connectors;

import ai.stratum.server.plugins.TestPluginJar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PF4J plugin jar, compiled in the test, for a made-up platform API that a
 * {@code WireServer} plays: every call goes plugin → host transport → HTTP, as in production.
 *
 * <p>The made-up API answers in plain lines (the plugin has no JSON library on its class path):
 * <ul>
 *   <li>{@code GET /v1/{account}/campaigns[?cursor=]}: {@code next=<cursor or empty>}, then
 *       {@code id|name|status|objective|budgetPeriod|budgetMicros|currency} (budget fields may be empty)</li>
 *   <li>{@code GET /v1/{account}/insights?from=&to=[&cursor=]}: {@code next=...}, then
 *       {@code campaign|date|spendMicros|impressions|clicks|conversions|revenueMicros|currency}</li>
 *   <li>{@code GET /v1/{account}/emq}: {@code dataset|event|score} lines</li>
 *   <li>{@code GET /v1/{account}/freshness}: an ISO instant, or {@code none}</li>
 *   <li>{@code GET /v1/{account}/timezone}: a zone id, or {@code none}</li>
 *   <li>{@code POST /v1/{account}/actions}: the action as lines; answers whatever body the test set</li>
 *   <li>{@code POST /oauth/token}: form fields; answers {@code key=value} lines</li>
 * </ul>
 * and signals faults the way platforms do: HTTP 401 {@code expired...} (token expired) or any
 * other 401 (revoked), HTTP 400 (rejected), a 200 body {@code rate_limited:<millis>} (TikTok-style
 * rate limit), {@code crash} (the plugin throws an unexpected exception), {@code hang} (the plugin
 * never completes), or a line it cannot read (malformed).
 */
final class WirePlatformPlugin {

    static final String CONNECTOR_ID = "wire-meta";

    private WirePlatformPlugin() {
    }

    /**
     * Writes the META plugin, a GOOGLE plugin that only describes itself, and a SNAPCHAT plugin with
     * only an OAuthProvider (whose client the tests leave unconfigured) into a fresh plugins directory.
     */
    static Path pluginsDirectory() {
        try {
            Path directory = Files.createTempDirectory("stratum-connector-plugins");
            meta().writeTo(directory.resolve("wire-meta.jar"));
            describedOnly("described-google", "described-google", "GOOGLE").writeTo(directory.resolve("described-google.jar"));
            withOAuthOnly("oauth-snapchat", "oauth-snapchat", "SNAPCHAT").writeTo(directory.resolve("oauth-snapchat.jar"));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestPluginJar meta() {
        String pkg = "test.wire";
        return TestPluginJar.plugin("wire-meta")
                .pluginClass(pkg + ".ThePlugin")
                .source(pkg + ".ThePlugin", "package test.wire; public class ThePlugin extends org.pf4j.Plugin { }")
                .source(pkg + ".Info", INFO)
                .source(pkg + ".Wire", WIRE)
                .source(pkg + ".Collector", COLLECTOR)
                .source(pkg + ".OAuth", OAUTH)
                .source(pkg + ".Executor", EXECUTOR);
    }

    static TestPluginJar describedOnly(String pluginId, String connectorId, String platform) {
        String pkg = "test." + pluginId.replace('-', '_');
        return TestPluginJar.plugin(pluginId)
                .pluginClass(pkg + ".ThePlugin")
                .source(pkg + ".ThePlugin", "package " + pkg + "; public class ThePlugin extends org.pf4j.Plugin { }")
                .source(pkg + ".Info", """
                        package %s;

                        import ai.stratum.plugin.api.*;
                        import java.util.Set;

                        @org.pf4j.Extension
                        public class Info implements PlatformInfo {
                            @Override
                            public ConnectorDescriptor descriptor() {
                                return ConnectorDescriptor.adPlatform("%s", Platform.%s, "Described only", "v1",
                                        PlatformEndpoints.of("http://127.0.0.1:9", "http://127.0.0.1:9", "http://127.0.0.1:9"), Set.of());
                            }
                        }
                        """.formatted(pkg, connectorId, platform));
    }

    /** A plugin that describes itself and can build an authorization URL, nothing more. */
    static TestPluginJar withOAuthOnly(String pluginId, String connectorId, String platform) {
        String pkg = "test." + pluginId.replace('-', '_');
        return describedOnly(pluginId, connectorId, platform)
                .source(pkg + ".OAuth", """
                        package %s;

                        import ai.stratum.plugin.api.*;
                        import java.net.URI;
                        import java.util.concurrent.CompletableFuture;
                        import java.util.concurrent.CompletionStage;

                        @org.pf4j.Extension
                        public class OAuth implements OAuthProvider {
                            @Override
                            public String connectorId() {
                                return "%s";
                            }

                            @Override
                            public URI authorizationUrl(ConnectorContext context, URI redirectUri, String state) {
                                return URI.create(context.endpoints().authorization() + "/authorize?state=" + state);
                            }

                            @Override
                            public CompletionStage<Credentials> exchangeCode(ConnectorContext context, String code, URI redirectUri) {
                                return CompletableFuture.failedFuture(ConnectorException.rejected("not in this test", null));
                            }

                            @Override
                            public CompletionStage<Credentials> refresh(ConnectorContext context) {
                                return CompletableFuture.failedFuture(ConnectorException.needsReauth("not in this test"));
                            }
                        }
                        """.formatted(pkg, connectorId));
    }

    private static final String INFO = """
            package test.wire;

            import ai.stratum.plugin.api.*;
            import java.util.EnumSet;

            @org.pf4j.Extension
            public class Info implements PlatformInfo {
                @Override
                public ConnectorDescriptor descriptor() {
                    // the defaults point nowhere: tests set STRATUM_META_* base URLs to their wire server
                    EnumSet<ActionType> actions = EnumSet.allOf(ActionType.class);
                    actions.remove(ActionType.UPDATE_BID);
                    return ConnectorDescriptor.adPlatform("wire-meta", Platform.META, "Wire META", "v1",
                            PlatformEndpoints.of("http://127.0.0.1:9", "http://127.0.0.1:9", "http://127.0.0.1:9"), actions);
                }
            }
            """;

    private static final String WIRE = """
            package test.wire;

            import ai.stratum.plugin.api.*;
            import java.net.URI;
            import java.net.URLEncoder;
            import java.nio.charset.StandardCharsets;
            import java.time.Duration;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.CompletionStage;

            final class Wire {
                private Wire() {
                }

                static CompletionStage<String> get(ConnectorContext context, String path) {
                    HttpTransport.Request request = HttpTransport.Request.get(URI.create(context.endpoints().api() + path))
                            .withHeader("Authorization", "Bearer " + context.credentials().accessToken())
                            .withHeader("X-Thread", Thread.currentThread().getName());
                    return send(context, request);
                }

                static CompletionStage<String> send(ConnectorContext context, HttpTransport.Request request) {
                    context.telemetry().log(Telemetry.Level.DEBUG, "wire.request", java.util.Map.of("path", request.uri().getPath()));
                    context.telemetry().count("wire.requests", 1, java.util.Map.of());
                    return context.http().send(request)
                            .thenApply(Wire::body)
                            .thenCompose(body -> body.startsWith("hang")
                                    ? new CompletableFuture<String>()
                                    : CompletableFuture.completedFuture(body));
                }

                static String body(HttpTransport.Response response) {
                    String body = response.body();
                    if (response.status() == 401) {
                        if (body.startsWith("expired")) {
                            throw ConnectorException.tokenExpired(body);
                        }
                        throw ConnectorException.needsReauth(body);
                    }
                    if (response.status() == 400) {
                        throw ConnectorException.rejected(body, "400");
                    }
                    if (!response.isSuccess()) {
                        throw ConnectorException.rejected("HTTP " + response.status() + ": " + body, String.valueOf(response.status()));
                    }
                    if (body.startsWith("rate_limited:")) {
                        throw ConnectorException.rateLimited("rate limited by the wire platform",
                                Duration.ofMillis(Long.parseLong(body.substring("rate_limited:".length()).trim())));
                    }
                    if (body.startsWith("crash")) {
                        throw new IllegalStateException("the test plugin crashed on purpose");
                    }
                    return body;
                }

                /** The cursor of the next page (null on the last) and the rows, each split into its fields. */
                static Page<String[]> page(String body, int fields) {
                    String[] lines = body.split("\\n");
                    if (lines.length == 0 || !lines[0].startsWith("next=")) {
                        throw ConnectorException.malformedResponse("a page must start with next=", null);
                    }
                    String next = lines[0].substring("next=".length()).trim();
                    List<String[]> rows = new ArrayList<>();
                    for (int i = 1; i < lines.length; i++) {
                        if (!lines[i].isBlank()) {
                            rows.add(fields(lines[i], fields));
                        }
                    }
                    return next.isEmpty() ? Page.last(rows) : Page.of(rows, next);
                }

                static List<String[]> rows(String body, int fields) {
                    List<String[]> rows = new ArrayList<>();
                    for (String line : body.split("\\n")) {
                        if (!line.isBlank()) {
                            rows.add(fields(line, fields));
                        }
                    }
                    return rows;
                }

                static String[] fields(String line, int count) {
                    String[] fields = line.split("\\\\|", -1);
                    if (fields.length != count) {
                        throw ConnectorException.malformedResponse("expected " + count + " fields in '" + line + "'", null);
                    }
                    return fields;
                }

                static String encode(Object value) {
                    return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
                }
            }
            """;

    private static final String COLLECTOR = """
            package test.wire;

            import ai.stratum.plugin.api.*;
            import java.time.Instant;
            import java.time.LocalDate;
            import java.time.ZoneId;
            import java.util.List;
            import java.util.Optional;
            import java.util.concurrent.CompletionStage;

            @org.pf4j.Extension
            public class Collector implements SignalCollector {
                @Override
                public String connectorId() {
                    return "wire-meta";
                }

                @Override
                public CompletionStage<Page<Campaign>> campaigns(ConnectorContext context, String accountId, String cursor) {
                    String query = cursor == null ? "" : "?cursor=" + Wire.encode(cursor);
                    return Wire.get(context, "/v1/" + accountId + "/campaigns" + query).thenApply(body -> {
                        Page<String[]> page = Wire.page(body, 7);
                        List<Campaign> campaigns = page.items().stream().map(Collector::campaign).toList();
                        return new Page<>(campaigns, page.nextCursor());
                    });
                }

                @Override
                public CompletionStage<Page<CampaignDailyPerformance>> dailyPerformance(ConnectorContext context, String accountId,
                                                                                        DateRange range, String cursor) {
                    String query = "?from=" + range.from() + "&to=" + range.to() + (cursor == null ? "" : "&cursor=" + Wire.encode(cursor));
                    return Wire.get(context, "/v1/" + accountId + "/insights" + query).thenApply(body -> {
                        Page<String[]> page = Wire.page(body, 8);
                        List<CampaignDailyPerformance> rows = page.items().stream().map(Collector::row).toList();
                        return new Page<>(rows, page.nextCursor());
                    });
                }

                @Override
                public CompletionStage<List<EventMatchQuality>> eventMatchQuality(ConnectorContext context, String accountId) {
                    return Wire.get(context, "/v1/" + accountId + "/emq").thenApply(body -> Wire.rows(body, 3).stream()
                            .map(f -> new EventMatchQuality(f[0], f[1], number(f[2]), context.clock().instant()))
                            .toList());
                }

                @Override
                public CompletionStage<Optional<Instant>> newestDataAt(ConnectorContext context, String accountId) {
                    return Wire.get(context, "/v1/" + accountId + "/freshness").thenApply(body -> {
                        String text = body.trim();
                        try {
                            return text.equals("none") ? Optional.<Instant>empty() : Optional.of(Instant.parse(text));
                        } catch (RuntimeException e) {
                            throw ConnectorException.malformedResponse("not an instant: " + text, e);
                        }
                    });
                }

                @Override
                public CompletionStage<Optional<ZoneId>> timeZone(ConnectorContext context, String accountId) {
                    return Wire.get(context, "/v1/" + accountId + "/timezone").thenApply(body -> {
                        String text = body.trim();
                        try {
                            return text.equals("none") ? Optional.<ZoneId>empty() : Optional.of(ZoneId.of(text));
                        } catch (RuntimeException e) {
                            throw ConnectorException.malformedResponse("not a time zone: " + text, e);
                        }
                    });
                }

                private static Campaign campaign(String[] f) {
                    try {
                        List<Budget> budgets = f[4].isEmpty() ? List.of()
                                : List.of(new Budget(BudgetPeriod.valueOf(f[4]), new Money(Long.parseLong(f[5]), f[6])));
                        return new Campaign(f[0], f[1], EntityStatus.valueOf(f[2]), f[3], budgets);
                    } catch (IllegalArgumentException e) {
                        throw ConnectorException.malformedResponse("unreadable campaign " + String.join("|", f), e);
                    }
                }

                private static CampaignDailyPerformance row(String[] f) {
                    try {
                        return new CampaignDailyPerformance(f[0], LocalDate.parse(f[1]), new Money(Long.parseLong(f[2]), f[7]),
                                Long.parseLong(f[3]), Long.parseLong(f[4]), Double.parseDouble(f[5]), new Money(Long.parseLong(f[6]), f[7]));
                    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                        throw ConnectorException.malformedResponse("unreadable performance row " + String.join("|", f), e);
                    }
                }

                private static double number(String text) {
                    try {
                        return Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw ConnectorException.malformedResponse("not a number: " + text, e);
                    }
                }
            }
            """;

    private static final String OAUTH = """
            package test.wire;

            import ai.stratum.plugin.api.*;
            import java.net.URI;
            import java.util.HashMap;
            import java.util.Map;
            import java.util.concurrent.CompletionStage;

            @org.pf4j.Extension
            public class OAuth implements OAuthProvider {
                @Override
                public String connectorId() {
                    return "wire-meta";
                }

                @Override
                public URI authorizationUrl(ConnectorContext context, URI redirectUri, String state) {
                    return URI.create(context.endpoints().authorization() + "/dialog/oauth?client_id="
                            + Wire.encode(context.credentials().get(Credentials.CLIENT_ID).orElse(""))
                            + "&redirect_uri=" + Wire.encode(redirectUri) + "&state=" + Wire.encode(state));
                }

                @Override
                public CompletionStage<Credentials> exchangeCode(ConnectorContext context, String code, URI redirectUri) {
                    String form = "grant_type=authorization_code&code=" + Wire.encode(code) + "&redirect_uri=" + Wire.encode(redirectUri)
                            + client(context);
                    return token(context, form, false).thenApply(values -> Credentials.of(values));
                }

                @Override
                public CompletionStage<Credentials> refresh(ConnectorContext context) {
                    String refreshToken = context.credentials().refreshToken()
                            .orElseThrow(() -> ConnectorException.needsReauth("no refresh token"));
                    String form = "grant_type=refresh_token&refresh_token=" + Wire.encode(refreshToken) + client(context);
                    return token(context, form, true).thenApply(values -> {
                        Map<String, String> merged = new HashMap<>(context.credentials().values());
                        merged.putAll(values);
                        return Credentials.of(merged);
                    });
                }

                private static String client(ConnectorContext context) {
                    return "&client_id=" + Wire.encode(context.credentials().get(Credentials.CLIENT_ID).orElse(""))
                            + "&client_secret=" + Wire.encode(context.credentials().get(Credentials.CLIENT_SECRET).orElse(""));
                }

                private static CompletionStage<Map<String, String>> token(ConnectorContext context, String form, boolean refreshing) {
                    HttpTransport.Request request = HttpTransport.Request.post(URI.create(context.endpoints().token() + "/oauth/token"),
                            "application/x-www-form-urlencoded", form);
                    return context.http().send(request).thenApply(response -> {
                        if (response.status() == 400) {
                            if (refreshing) {
                                throw ConnectorException.needsReauth(response.body());
                            }
                            throw ConnectorException.rejected(response.body(), "400");
                        }
                        Map<String, String> values = new HashMap<>();
                        for (String line : response.body().split("\\n")) {
                            int equals = line.indexOf('=');
                            if (equals > 0) {
                                values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                            }
                        }
                        return values;
                    });
                }
            }
            """;

    private static final String EXECUTOR = """
            package test.wire;

            import ai.stratum.plugin.api.*;
            import java.net.URI;
            import java.util.List;
            import java.util.concurrent.CompletionStage;

            @org.pf4j.Extension
            public class Executor implements ActionExecutor {
                @Override
                public String connectorId() {
                    return "wire-meta";
                }

                @Override
                public CompletionStage<ActionResult> execute(ConnectorContext context, ActionRequest request) {
                    StringBuilder body = new StringBuilder("type=" + request.type() + "\\n");
                    for (EntityChange change : request.changes()) {
                        body.append(change.entityType()).append('|').append(change.entityId()).append('|').append(describe(change.change()))
                                .append('\\n');
                    }
                    HttpTransport.Request post = HttpTransport.Request.post(
                                    URI.create(context.endpoints().api() + "/v1/" + request.accountId() + "/actions"), "text/plain", body.toString())
                            .withHeader("Authorization", "Bearer " + context.credentials().accessToken())
                            .withHeader("Idempotency-Key", request.idempotencyKey())
                            .asRepeatable();
                    return Wire.send(context, post)
                            .thenApply(answer -> new ActionResult(request.idempotencyKey(), List.of(answer), context.clock().instant()));
                }

                private static String describe(Change change) {
                    if (change instanceof Change.SetBudget budget) {
                        return "budget|" + budget.period() + "|" + budget.amount().micros() + "|" + budget.amount().currency();
                    }
                    if (change instanceof Change.SetBid bid) {
                        return "bid|" + bid.amount().micros() + "|" + bid.amount().currency();
                    }
                    return "status|" + ((Change.SetStatus) change).status();
                }
            }
            """;
}
