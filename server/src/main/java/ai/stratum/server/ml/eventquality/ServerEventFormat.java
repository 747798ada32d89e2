package ai.stratum.server.ml.eventquality;

import java.util.Map;

/** One platform's server-side event format: where its match keys live and what they look like. */
interface ServerEventFormat {

    /**
     * Finds the event's match keys and other checkable values.
     *
     * @param event  the event object
     * @param fields where to put them
     */
    void read(Map<?, ?> event, EventFields fields);

    /**
     * @param key a key this platform scores
     * @return what to do when the event lacks it, naming the platform's field
     */
    String whenMissing(MatchKey key);
}
