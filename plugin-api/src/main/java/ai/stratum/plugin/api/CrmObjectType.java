package ai.stratum.plugin.api;

/** The CRM objects Stratum pulls into its customer data platform. */
public enum CrmObjectType {
    /** A person: a contact or lead. */
    CONTACT,
    /** An organisation: a company or account. */
    COMPANY,
    /** An opportunity: a deal with an amount and a stage. */
    DEAL
}
