package ai.stratum.server.graphql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseFormatTest {

    @ParameterizedTest(name = "Accept: {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "NONE                                                        | JSON",
            "application/graphql-response+json                           | GRAPHQL_RESPONSE",
            "application/json                                            | JSON",
            "application/graphql-response+json, application/json;q=0.9   | GRAPHQL_RESPONSE",
            "application/json, application/graphql-response+json         | GRAPHQL_RESPONSE",
            "application/json;q=1, application/graphql-response+json;q=0.5 | JSON",
            "*/*                                                         | JSON",
            "text/html                                                   | NONE",
            "application/json;q=0                                        | NONE"})
    void picksTheBestAcceptableFormat(String accept, ResponseFormat expected) {
        assertThat(ResponseFormat.negotiate(accept)).isEqualTo(expected);
    }
}
