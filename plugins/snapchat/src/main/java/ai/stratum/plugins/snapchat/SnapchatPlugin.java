package ai.stratum.plugins.snapchat;

import org.pf4j.Plugin;

/** PF4J entry point of the snapchat plugin. */
public class SnapchatPlugin extends Plugin {
}
