package ai.stratum.benchmarks.ml;

import ai.stratum.server.ml.training.ModelArtifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The default models the server build trained ({@code ml/defaults/*.model} in the server jar, shaded into
 * the benchmarks jar): the full-size models the server predicts with, read without the server's framework.
 */
final class DefaultModelFiles {

    private DefaultModelFiles() {
    }

    static ModelArtifact read(String name) {
        String resource = "/ml/defaults/" + name + ".model";
        try (InputStream in = DefaultModelFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path: build the server with its test "
                        + "sources (the default models are trained then), not with -Dmaven.test.skip");
            }
            return ModelArtifact.fromBytes(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
