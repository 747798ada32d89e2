package ai.stratum.server.database;

/** A PostgreSQL server someone else runs, named by {@code DATABASE_URL}. */
record ExternalDatabase(DatabaseUrl url) implements DatabaseServer {

    @Override
    public String description() {
        return url.redacted();
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
