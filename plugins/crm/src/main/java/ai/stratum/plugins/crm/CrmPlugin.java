package ai.stratum.plugins.crm;

import org.pf4j.Plugin;

/** PF4J entry point of the crm plugin. */
public class CrmPlugin extends Plugin {
}
