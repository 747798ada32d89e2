package ai.stratum.plugins.google;

import org.pf4j.Plugin;

/** PF4J entry point of the google plugin. */
public class GooglePlugin extends Plugin {
}
