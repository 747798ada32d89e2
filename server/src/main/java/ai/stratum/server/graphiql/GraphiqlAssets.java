package ai.stratum.server.graphiql;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fixed set of files the GraphiQL page loads, in the order it loads them. Only these are
 * served: a request is answered by exact lookup, so no request path can reach any other file.
 *
 * <p>Everything is read once at start-up ({@link Context}): classpath reads never happen on an
 * event-loop thread, and a missing WebJar stops the server at boot instead of leaving a blank
 * page. The whole set is about 1.6 MB.
 */
@Context
@Requires(property = GraphiqlController.ENABLED, value = StringUtils.TRUE, defaultValue = StringUtils.TRUE)
public final class GraphiqlAssets {

    /** Stratum's own boot script; it is served under its content hash, as it has no version. */
    private static final String BOOT_SCRIPT = "graphiql/stratum-graphiql.js";

    private final List<GraphiqlAsset> assets;
    private final Map<String, GraphiqlAsset> byPath;

    public GraphiqlAssets() {
        WebJar graphiql = WebJar.locate("graphiql");
        WebJar react = WebJar.locate("react");
        WebJar reactDom = WebJar.locate("react-dom");
        WebJar graphqlWs = WebJar.locate("graphql-ws");
        // Scripts in dependency order: the UMD builds find React, ReactDOM, GraphiQL and
        // graphqlWs as globals set by the ones before them.
        this.assets = List.of(
                fromWebJar(graphiql, "graphiql.min.css", AssetType.STYLESHEET),
                fromWebJar(react, "umd/react.production.min.js", AssetType.SCRIPT),
                fromWebJar(reactDom, "umd/react-dom.production.min.js", AssetType.SCRIPT),
                fromWebJar(graphiql, "graphiql.min.js", AssetType.SCRIPT),
                fromWebJar(graphqlWs, "umd/graphql-ws.min.js", AssetType.SCRIPT),
                bootScript());
        this.byPath = assets.stream().collect(Collectors.toUnmodifiableMap(GraphiqlAsset::path, Function.identity()));
    }

    List<GraphiqlAsset> ofType(AssetType type) {
        return assets.stream().filter(asset -> asset.type() == type).toList();
    }

    Optional<GraphiqlAsset> find(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    private static GraphiqlAsset fromWebJar(WebJar webJar, String file, AssetType type) {
        return new GraphiqlAsset(webJar.servedPath(file), type, webJar.read(file));
    }

    private static GraphiqlAsset bootScript() {
        byte[] content = ClasspathResource.read(BOOT_SCRIPT);
        String fileName = BOOT_SCRIPT.substring(BOOT_SCRIPT.lastIndexOf('/') + 1);
        return new GraphiqlAsset("stratum/" + shortHash(content) + "/" + fileName, AssetType.SCRIPT, content);
    }

    private static String shortHash(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
