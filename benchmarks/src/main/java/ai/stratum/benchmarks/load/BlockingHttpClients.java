package ai.stratum.benchmarks.load;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The load runs' HTTP client: Apache HttpClient's classic client, blocking on the caller's thread, with
 * its connections kept alive. The JDK's {@code HttpClient} reads responses on a selector thread of its
 * own and hands each to the waiting caller: on this machine that added about 0.2 ms to every request
 * (docs/benchmarks.md, "ML through GraphQL") and took CPU the server and PostgreSQL share with the
 * load generator ("CDP ingestion").
 */
final class BlockingHttpClients {

    private static final Timeout CONNECT = Timeout.ofSeconds(5);

    private BlockingHttpClients() {
    }

    /** A client for up to {@code maxConnections} requests at a time, each answered within {@code response}. */
    static CloseableHttpClient of(int maxConnections, Timeout response) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(CONNECT).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(response).build())
                .build();
    }
}
