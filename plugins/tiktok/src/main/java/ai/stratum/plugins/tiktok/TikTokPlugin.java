package ai.stratum.plugins.tiktok;

import org.pf4j.Plugin;

/** PF4J entry point of the tiktok plugin. */
public class TikTokPlugin extends Plugin {
}
