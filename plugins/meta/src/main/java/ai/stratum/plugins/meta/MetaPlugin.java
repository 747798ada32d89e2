package ai.stratum.plugins.meta;

import org.pf4j.Plugin;

/** PF4J entry point of the meta plugin. */
public class MetaPlugin extends Plugin {
}
