package ai.stratum.server.graphiql;

/** What the GraphiQL page does with an asset; that fixes its content type and the tag that loads it. */
enum AssetType {
    SCRIPT("text/javascript; charset=utf-8"),
    STYLESHEET("text/css; charset=utf-8");

    private final String contentType;

    AssetType(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }
}
