package ai.stratum.plugin.api;

/** What sort of system a connector brings into Stratum. */
public enum ConnectorKind {
    /** An ad platform: campaigns, performance, actions, audiences. Always one of {@link Platform}. */
    AD_PLATFORM,
    /** A CRM: contacts, companies and deals pulled into the customer data platform. */
    CRM,
    /** A messaging channel, such as WhatsApp Business, that Stratum sends messages through. */
    MESSAGING
}
