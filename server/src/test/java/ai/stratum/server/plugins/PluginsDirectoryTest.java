package ai.stratum.server.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsDirectoryTest {

    @TempDir
    Path root;

    @Test
    void configuredDirectoryWinsAndIsResolvedAgainstTheWorkingDirectory() {
        Path jar = root.resolve("stratum-server.jar");

        assertThat(PluginsDirectory.resolve("my-plugins", Optional.of(jar), root)).isEqualTo(root.resolve("my-plugins"));
        assertThat(PluginsDirectory.resolve("/opt/stratum/plugins", Optional.of(jar), root))
                .isEqualTo(Path.of("/opt/stratum/plugins"));
    }

    @Test
    void defaultsToThePluginsFolderNextToTheServerJar() throws IOException {
        Path jar = Files.createFile(root.resolve("stratum-server.jar"));

        assertThat(PluginsDirectory.resolve("", Optional.of(jar), root.resolve("elsewhere")))
                .isEqualTo(root.resolve("plugins"));
    }

    @Test
    void findsThePluginsFolderNextToTheClassesWhenRunningFromClasses() throws IOException {
        Path classes = Files.createDirectories(root.resolve("server/target/classes"));
        Files.createDirectories(root.resolve("server/target/plugins"));

        assertThat(PluginsDirectory.resolve(" ", Optional.of(classes), root.resolve("elsewhere")))
                .isEqualTo(root.resolve("server/target/plugins"));
    }

    @Test
    void fallsBackToServerTargetPluginsUnderTheWorkingDirectory() throws IOException {
        Path classes = Files.createDirectories(root.resolve("out/classes"));

        assertThat(PluginsDirectory.resolve(null, Optional.of(classes), root))
                .isEqualTo(root.resolve("server/target/plugins"));
        assertThat(PluginsDirectory.resolve(null, Optional.empty(), root))
                .isEqualTo(root.resolve("server/target/plugins"));
    }

    @Test
    void candidatesAreJarsAndDirectoriesInFileNameOrder() throws IOException {
        Files.createFile(root.resolve("b.jar"));
        Files.createFile(root.resolve("A.JAR"));
        Files.createDirectories(root.resolve("exploded"));
        Files.createFile(root.resolve("disabled.txt"));
        Files.createFile(root.resolve(".partial.jar"));

        assertThat(PluginsDirectory.candidates(root)).extracting(path -> path.getFileName().toString())
                .containsExactly("A.JAR", "b.jar", "exploded");
        assertThat(PluginsDirectory.candidates(root.resolve("missing"))).isEmpty();
    }
}
