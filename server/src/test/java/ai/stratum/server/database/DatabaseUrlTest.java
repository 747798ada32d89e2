package ai.stratum.server.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void readsTheFormHostingProvidersHandOut() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:s%40cret@db.example.com:6543/stratum?sslmode=require");

        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/stratum?sslmode=require");
        assertThat(url.r2dbcUrl()).isEqualTo("r2dbc:pool:postgresql://db.example.com:6543/stratum?forceBinary=true&sslMode=require");
        assertThat(url.redacted()).isEqualTo("postgresql://app:***@db.example.com:6543/stratum").doesNotContain("s@cret");
    }

    @ParameterizedTest
    @CsvSource({
            "postgres://u@h/db,             h, 5432, db, u",
            "jdbc:postgresql://h:1/db,      h, 1,    db, postgres",
            "postgresql://h:5433/analytics, h, 5433, analytics, postgres"})
    void acceptsCommonVariants(String text, String host, int port, String database, String user) {
        DatabaseUrl url = DatabaseUrl.parse(text);

        assertThat(url.host()).isEqualTo(host);
        assertThat(url.port()).isEqualTo(port);
        assertThat(url.database()).isEqualTo(database);
        assertThat(url.user()).isEqualTo(user);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mysql://h/db          | must start with postgresql://",
            "postgresql://h        | names no database",
            "postgresql:///db      | names no valid host:port",
            "postgresql://h:x/db   | names no valid host:port",
            "postgresql://h /db    | not a valid URL"})
    void explainsWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> DatabaseUrl.parse(text)).hasMessageContaining(message);
    }
}
