package ai.stratum.server.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Brings up the plugins of a directory in four steps: load each path, resolve dependencies among
 * those that loaded, start each resolved plugin in dependency order, and inspect each started
 * plugin's extensions. Every step handles one plugin at a time and turns its failure into a
 * FAILED entry, so one broken plugin never stops another or the server. A plugin that fails after
 * loading is discarded (stopped and unloaded), releasing its jar.
 */
final class PluginBootstrap {

    /** Every candidate's outcome in candidate order, and the connectors of the started ones. */
    record Result(List<InstalledPlugin> plugins, ConnectorIndex connectors) {
    }

    private final StratumPluginManager manager;
    private final Map<Path, InstalledPlugin> outcomes = new LinkedHashMap<>();
    private final Map<String, Path> pathsById = new LinkedHashMap<>();
    private final Map<String, PluginDescriptor> descriptorsById = new LinkedHashMap<>();
    private final ConnectorIndex.Builder connectors = new ConnectorIndex.Builder();

    PluginBootstrap(StratumPluginManager manager) {
        this.manager = manager;
    }

    Result run(List<Path> candidates) {
        candidates.forEach(this::load);
        resolve();
        startOrder(candidates).forEach(this::start);
        List<InstalledPlugin> plugins = candidates.stream()
                .map(path -> outcomes.getOrDefault(path,
                        InstalledPlugin.unreadable(path, "was loaded but never resolved or started")))
                .toList();
        return new Result(plugins, connectors.build());
    }

    private void load(Path path) {
        try {
            PluginWrapper wrapper = manager.load(path);
            pathsById.put(wrapper.getPluginId(), path);
            descriptorsById.put(wrapper.getPluginId(), wrapper.getDescriptor());
        } catch (Exception | LinkageError e) {
            outcomes.put(path, InstalledPlugin.unreadable(path, FailureReason.of(e)));
        }
    }

    private void resolve() {
        try {
            manager.resolve();
        } catch (PluginRuntimeException cycle) {
            // Only a dependency cycle gets here, and PF4J does not name its members. A plugin
            // without dependencies cannot be in one, so only plugins with dependencies are failed.
            String reason = FailureReason.of(cycle);
            unresolvedIds().stream()
                    .filter(id -> !descriptorsById.get(id).getDependencies().isEmpty())
                    .forEach(id -> fail(id, reason));
            resolveRemaining(reason);
        }
        // with IGNORE_PLUGIN_AND_CONTINUE, PF4J unloads plugins whose dependencies are missing
        pathsById.forEach((id, path) -> {
            if (manager.getPlugin(id) == null && !outcomes.containsKey(path)) {
                outcomes.put(path, InstalledPlugin.failed(descriptorsById.get(id), path,
                        "its dependencies could not be resolved: " + dependencies(descriptorsById.get(id))));
            }
        });
    }

    private void resolveRemaining(String reason) {
        try {
            manager.resolve();
        } catch (PluginRuntimeException e) {
            unresolvedIds().forEach(id -> fail(id, reason));
        }
    }

    private List<String> unresolvedIds() {
        return pathsById.keySet().stream()
                .filter(id -> manager.getPlugin(id) != null)
                .filter(id -> !manager.getResolvedPlugins().contains(manager.getPlugin(id)))
                .toList();
    }

    /**
     * The resolved plugins in file-name order, each moved after the plugins it depends on. PF4J's
     * own order is only dependency-sorted, and otherwise follows a hash map; file-name order makes
     * the listing, the log and the winner of a duplicate connector id predictable.
     */
    private List<PluginWrapper> startOrder(List<Path> candidates) {
        List<PluginWrapper> remaining = new ArrayList<>(manager.getResolvedPlugins());
        remaining.sort(Comparator.comparingInt(wrapper -> candidates.indexOf(pathsById.get(wrapper.getPluginId()))));
        List<PluginWrapper> order = new ArrayList<>();
        while (!remaining.isEmpty()) {
            PluginWrapper next = remaining.stream()
                    .filter(wrapper -> !dependsOnAny(wrapper, remaining))
                    .findFirst()
                    // resolution has ruled out cycles; should one remain, file order decides
                    .orElse(remaining.get(0));
            order.add(next);
            remaining.remove(next);
        }
        return order;
    }

    private static boolean dependsOnAny(PluginWrapper wrapper, List<PluginWrapper> others) {
        List<String> otherIds = others.stream().map(PluginWrapper::getPluginId).toList();
        return wrapper.getDescriptor().getDependencies().stream()
                .anyMatch(dependency -> otherIds.contains(dependency.getPluginId()));
    }

    private void start(PluginWrapper wrapper) {
        String id = wrapper.getPluginId();
        if (wrapper.getPluginState() == PluginState.DISABLED) {
            Optional<String> incompatibility = manager.incompatibility(id);
            if (incompatibility.isPresent()) {
                fail(id, incompatibility.get());
            } else {
                outcomes.put(pathsById.get(id), InstalledPlugin.disabled(wrapper.getDescriptor(), pathsById.get(id)));
            }
            return;
        }
        Optional<String> blocked = unstartedDependency(wrapper.getDescriptor());
        if (blocked.isPresent()) {
            fail(id, blocked.get());
            return;
        }
        try {
            PluginState state = manager.startPlugin(id);
            if (state != PluginState.STARTED) {
                fail(id, "did not start; PF4J left it " + state);
                return;
            }
            PluginExtensions extensions = PluginExtensions.inspect(manager, id);
            connectors.add(id, extensions);
            outcomes.put(pathsById.get(id), InstalledPlugin.started(wrapper.getDescriptor(), pathsById.get(id), extensions));
        } catch (Exception | LinkageError e) {
            fail(id, FailureReason.of(e));
        }
    }

    // Checked before starting: PF4J would otherwise start (and even re-enable) dependencies itself.
    private Optional<String> unstartedDependency(PluginDescriptor descriptor) {
        for (PluginDependency dependency : descriptor.getDependencies()) {
            PluginWrapper required = manager.getPlugin(dependency.getPluginId());
            if (required == null && dependency.isOptional()) {
                continue;
            }
            if (required == null || required.getPluginState() != PluginState.STARTED) {
                return Optional.of("depends on plugin '" + dependency.getPluginId() + "', which did not start");
            }
        }
        return Optional.empty();
    }

    private void fail(String pluginId, String reason) {
        Path path = pathsById.get(pluginId);
        outcomes.put(path, InstalledPlugin.failed(descriptorsById.get(pluginId), path, reason));
        try {
            manager.discard(pluginId);
        } catch (Exception | LinkageError e) {
            // The plugin is already reported FAILED and none of its extensions are in use; a plugin
            // whose stop() also throws cannot be helped further.
            outcomes.put(path, InstalledPlugin.failed(descriptorsById.get(pluginId), path,
                    reason + "; then failed to stop: " + FailureReason.of(e)));
        }
    }

    private static String dependencies(PluginDescriptor descriptor) {
        return descriptor.getDependencies().stream()
                .map(dependency -> dependency.getPluginId() + "@" + dependency.getPluginVersionSupport())
                .collect(Collectors.joining(", "));
    }
}
