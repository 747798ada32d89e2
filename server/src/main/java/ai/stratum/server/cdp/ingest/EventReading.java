package ai.stratum.server.cdp.ingest;

/** One event of a request, read: either valid, or refused with the reason. */
public sealed interface EventReading permits EventReading.Valid, EventReading.Invalid {

    record Valid(IncomingEvent event) implements EventReading {
    }

    record Invalid(EventError error) implements EventReading {
    }
}
