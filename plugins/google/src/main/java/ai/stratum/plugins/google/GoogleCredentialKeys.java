package ai.stratum.plugins.google;

import ai.stratum.plugin.api.Credentials;

/**
 * The names of the Google-specific secrets this connector reads from {@link Credentials}, next to
 * the common {@link Credentials#ACCESS_TOKEN}, {@link Credentials#REFRESH_TOKEN},
 * {@link Credentials#CLIENT_ID} and {@link Credentials#CLIENT_SECRET}.
 *
 * <p>The server fills both from its configuration, not from the OAuth flow:
 * {@link #DEVELOPER_TOKEN} from {@code STRATUM_GOOGLE_ADS_DEVELOPER_TOKEN} and
 * {@link #LOGIN_CUSTOMER_ID} from {@code STRATUM_GOOGLE_ADS_LOGIN_CUSTOMER_ID}.
 */
public final class GoogleCredentialKeys {

    /**
     * The Google Ads developer token, sent as the {@code developer-token} header when present.
     *
     * <p>Optional: Google sunset developer tokens on 2026-09-09. Since then API access belongs to
     * the Google Cloud project that owns the OAuth client, and Google's servers accept the header
     * but ignore it. The connector still sends a configured token, so installations set up before
     * the sunset keep working unchanged, and sends no header when none is configured.
     */
    public static final String DEVELOPER_TOKEN = "developer_token";

    /**
     * The manager (MCC) account the user signs in through, sent as the {@code login-customer-id}
     * header when present: ten digits, dashes allowed ({@code 901-337-2840}). Needed only when the
     * connected account is reached through a manager account.
     */
    public static final String LOGIN_CUSTOMER_ID = "login_customer_id";

    private GoogleCredentialKeys() {
    }
}
