package ai.stratum.server.plugins;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.stratum.plugin.api.PluginApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.pf4j.Plugin;
import org.slf4j.Logger;

/**
 * Builds a real PF4J plugin jar the way the plugin modules' build does: sources compiled against
 * plugin-api and PF4J with PF4J's annotation processor (which writes META-INF/extensions.idx),
 * packed with the descriptor in the manifest. Public so that other features' tests can load real
 * plugins too.
 */
public final class TestPluginJar {

    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<Class<?>> bundledHostClasses = new ArrayList<>();

    private TestPluginJar(String pluginId) {
        manifest.put("Plugin-Id", pluginId);
        manifest.put("Plugin-Version", "1.2.3");
        manifest.put("Plugin-Provider", "Stratum tests");
        manifest.put("Plugin-Requires", "^1.0.0");
    }

    public static TestPluginJar plugin(String pluginId) {
        return new TestPluginJar(pluginId);
    }

    /** Names the Plugin-Class without providing it. */
    public TestPluginJar pluginClass(String className) {
        manifest.put("Plugin-Class", className);
        return this;
    }

    public TestPluginJar requires(String range) {
        manifest.put("Plugin-Requires", range);
        return this;
    }

    /** Declares PF4J plugin dependencies, for example {@code other@>=1.0.0}. */
    public TestPluginJar dependsOn(String dependencies) {
        manifest.put("Plugin-Dependencies", dependencies);
        return this;
    }

    /** Adds a class, given its fully qualified name and its source. */
    public TestPluginJar source(String className, String source) {
        sources.put(className, source);
        return this;
    }

    /** Packs copies of the server's own class files into the jar, as a careless plugin build would. */
    public TestPluginJar bundling(Class<?>... hostClasses) {
        bundledHostClasses.addAll(List.of(hostClasses));
        return this;
    }

    public Path writeTo(Path jar) throws IOException {
        // built outside the jar's directory, which is often the plugins directory under test
        Path work = Files.createTempDirectory("stratum-test-plugin-");
        try {
            build(work, jar);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return jar;
    }

    private void build(Path work, Path jar) throws IOException {
        Path classes = Files.createDirectories(work.resolve("classes"));
        if (!sources.isEmpty()) {
            compile(work.resolve("src"), classes);
        }
        for (Class<?> hostClass : bundledHostClasses) {
            String resource = hostClass.getName().replace('.', '/') + ".class";
            try (InputStream in = hostClass.getClassLoader().getResourceAsStream(resource)) {
                Path target = classes.resolve(resource);
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
        pack(classes, jar);
    }

    private void compile(Path sourceRoot, Path classes) throws IOException {
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        List<String> arguments = new ArrayList<>(List.of(
                "--release", "17",
                "-classpath", classpathOf(PluginApi.class, Plugin.class, Logger.class),
                "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor",
                "-d", classes.toString()));
        arguments.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("test plugin did not compile: " + diagnostics.toString(UTF_8));
        }
    }

    private void pack(Path classes, Path jar) throws IOException {
        Manifest jarManifest = new Manifest();
        jarManifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((name, value) -> jarManifest.getMainAttributes().putValue(name, value));
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out, jarManifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jarOut);
                jarOut.closeEntry();
            }
        }
    }

    private static String classpathOf(Class<?>... types) {
        return Stream.of(types).map(TestPluginJar::codeSource).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
