package ai.stratum.plugin.api;

import ai.stratum.plugin.api.HttpTransport.Request;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class HttpRequestDescriptionTest {

    @Test
    void describesARequestWithoutItsQueryWhichMayCarrySecrets() {
        Request request = Request.get(URI.create(
                "https://graph.facebook.com/v25.0/oauth/access_token?client_secret=s3cr3t&code=abc"));

        assertThat(request).hasToString("GET https://graph.facebook.com/v25.0/oauth/access_token?…");
        assertThat(request.toString()).doesNotContain("s3cr3t", "abc");
    }

    @Test
    void describesARequestWithoutHeaders() {
        Request request = Request.post(URI.create("http://127.0.0.1:9000/v1/campaigns"), "application/json", "{}")
                .withHeader("Authorization", "Bearer t0k3n");

        assertThat(request).hasToString("POST http://127.0.0.1:9000/v1/campaigns");
    }
}
