package ai.stratum.server.graphql.ws;

import ai.stratum.server.security.Caller;
import reactor.core.Disposable;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** One socket's protocol state: initialised or not, who it is, and its running operations by id. */
final class ConnectionState {

    final String clientAddress;
    final AtomicBoolean initReceived = new AtomicBoolean();
    final Map<String, Disposable> operations = new ConcurrentHashMap<>();
    volatile boolean acknowledged;
    volatile Optional<Caller> caller = Optional.empty();
    volatile Disposable initTimeout;

    ConnectionState(String clientAddress) {
        this.clientAddress = clientAddress;
    }

    void disposeAll() {
        if (initTimeout != null) {
            initTimeout.dispose();
        }
        operations.values().forEach(Disposable::dispose);
        operations.clear();
    }
}
