package ai.stratum.server.connectors;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.Page;
import ai.stratum.plugin.api.SignalCollector;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads one account through the platform's {@link SignalCollector}: every page of campaigns, every
 * page of daily performance in the window (each checked, then handed to the run's
 * {@link StagingBuffer} while the next page is fetched, so the date range streams through rather
 * than piling up), the event-match-quality readings and the newest data time. Each call goes through {@link PluginCaller}'s policy. Pages are followed to the last; a
 * cursor that comes back twice, or more pages than any account has, is a plugin fault rather
 * than a reason to page forever.
 */
@Singleton
class AccountCollector {

    private static final Logger LOG = LoggerFactory.getLogger(AccountCollector.class);

    /** More pages than this is a cursor that never ends, not an account. */
    static final int MAX_PAGES = 100_000;

    private final PluginCaller plugins;

    AccountCollector(PluginCaller plugins) {
        this.plugins = plugins;
    }

    Mono<CollectedAccount> collect(ConnectionSession session, SyncWindow window, StagingBuffer staging) {
        String account = session.connection().accountId();
        AccountCollection collection = new AccountCollection("The " + session.connection().platform() + " plugin (account "
                + account + ")", window);
        return pages(session, "reading campaigns",
                cursor -> (collector, context) -> collector.campaigns(context, account, cursor),
                page -> Mono.fromRunnable(() -> collection.addCampaigns(page)))
                .then(pages(session, "reading daily performance",
                        cursor -> (collector, context) -> collector.dailyPerformance(context, account, window.range(), cursor),
                        page -> staging.add(collection.addPerformance(page))))
                .then(staging.flush())
                .then(plugins.call(session, SignalCollector.class, "reading event match quality",
                        (collector, context) -> collector.eventMatchQuality(context, account)))
                .flatMap(emq -> plugins.call(session, SignalCollector.class, "reading data freshness",
                                (collector, context) -> collector.newestDataAt(context, account))
                        .zipWith(timeZone(session))
                        .map(read -> collection.complete(emq, read.getT1(), read.getT2())));
    }

    /**
     * The account's time zone, for the next sync's window: a plugin that cannot say now (or fails to)
     * leaves the zone as it was, rather than failing a sync whose data is already read.
     */
    private Mono<Optional<ZoneId>> timeZone(ConnectionSession session) {
        return plugins.call(session, SignalCollector.class, "reading the account's time zone",
                        (collector, context) -> collector.timeZone(context, session.connection().accountId()))
                .onErrorResume(ConnectorCallException.class, failure -> {
                    LOG.warn("event=sync_time_zone_unread tenant={} connection={} platform={} error=\"{}\"",
                            session.connection().tenant(), session.connection().id(), session.connection().platform(),
                            failure.getMessage());
                    return Mono.just(Optional.empty());
                });
    }

    private <T> Mono<Void> pages(ConnectionSession session, String what,
                                 Function<String, BiFunction<SignalCollector, ConnectorContext, CompletionStage<Page<T>>>> request,
                                 Function<List<T>, Mono<Void>> sink) {
        Set<String> cursors = new HashSet<>();
        return fetch(session, what, request, null, 1)
                .expand(fetched -> {
                    Page<T> page = fetched.page();
                    if (!page.hasNext()) {
                        return Mono.empty();
                    }
                    if (!cursors.add(page.nextCursor()) || fetched.number() >= MAX_PAGES) {
                        return Mono.error(new ConnectorCallException(CallFailure.PLUGIN_ERROR, "The "
                                + session.connection().platform() + " plugin's pages never end while " + what
                                + " (a cursor came back, or more than " + MAX_PAGES + " pages)"));
                    }
                    return fetch(session, what, request, page.nextCursor(), fetched.number() + 1);
                })
                // one page in the sink while the next is fetched: expand starts a page's request only once the
                // page before has been handed on, and concatMap takes one page ahead, so a few pages are held at most
                .concatMap(fetched -> sink.apply(fetched.page().items()), 1)
                .then();
    }

    private <T> Mono<Fetched<T>> fetch(ConnectionSession session, String what,
                                       Function<String, BiFunction<SignalCollector, ConnectorContext, CompletionStage<Page<T>>>> request,
                                       String cursor, int number) {
        String described = number == 1 ? what : what + " (page " + number + ")";
        return plugins.call(session, SignalCollector.class, described, request.apply(cursor)).map(page -> new Fetched<>(page, number));
    }

    private record Fetched<T>(Page<T> page, int number) {
    }
}
