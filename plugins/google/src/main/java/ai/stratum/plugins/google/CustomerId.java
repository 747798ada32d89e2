package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ConnectorException;

/**
 * A Google Ads customer id: the ten digits Google puts in paths and headers. People write it with
 * dashes ({@code 482-619-3057}); the API wants the digits only.
 *
 * @param digits the id without dashes
 */
record CustomerId(String digits) {

    /**
     * Normalizes an account id as a connection stores it.
     *
     * @param accountId the id, with or without dashes
     * @return the customer id
     * @throws ConnectorException rejected when the id is not a Google Ads customer id
     */
    static CustomerId of(String accountId) {
        String digits = accountId.replace("-", "").trim();
        if (!digits.matches("[0-9]{1,20}")) {
            throw ConnectorException.rejected("not a Google Ads customer id: " + accountId, null);
        }
        return new CustomerId(digits);
    }

    /** @return {@code customers/<digits>}, the prefix of every resource name of the account */
    String resourceName() {
        return "customers/" + digits;
    }
}
