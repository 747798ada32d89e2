package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.ConnectorException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the ids that become URL paths. Graph ids are digits; an ad account is addressed as
 * {@code act_<digits>}, and connections may store it with or without the prefix. Anything else is
 * refused before a request is built, so an id can never change which path is called.
 */
final class GraphIds {

    private static final Pattern ACCOUNT = Pattern.compile("(?:act_)?([0-9]+)");
    private static final Pattern NODE = Pattern.compile("[0-9]+");

    private GraphIds() {
    }

    /** @return the ad account's node, {@code act_<digits>} */
    static String adAccount(String accountId) {
        Matcher matcher = ACCOUNT.matcher(accountId);
        if (!matcher.matches()) {
            throw ConnectorException.rejected("not a Meta ad account id: " + accountId, null);
        }
        return "act_" + matcher.group(1);
    }

    /** @return the id of a campaign, ad set, ad, audience or dataset, unchanged */
    static String node(String id) {
        if (!NODE.matcher(id).matches()) {
            throw ConnectorException.rejected("not a Meta object id: " + id, null);
        }
        return id;
    }
}
