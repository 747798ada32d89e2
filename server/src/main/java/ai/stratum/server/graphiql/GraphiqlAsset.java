package ai.stratum.server.graphiql;

/**
 * One file the GraphiQL page loads, held in memory.
 *
 * @param path    where it is served, relative to {@link GraphiqlController#ASSETS_PATH}; it
 *                carries a version or a content hash, so the bytes behind a path never change
 * @param type    how the page loads it
 * @param content the file's bytes; shared by every response and never modified
 */
record GraphiqlAsset(String path, AssetType type, byte[] content) {

    String url() {
        return GraphiqlController.ASSETS_PATH + "/" + path;
    }
}
