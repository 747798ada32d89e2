package ai.stratum.server.database;

/**
 * The PostgreSQL server the application talks to, and how to describe it in the start-up log.
 * Closing it stops the server when this process owns it (the embedded one).
 */
public interface DatabaseServer extends AutoCloseable {

    DatabaseUrl url();

    String description();

    @Override
    void close();
}
