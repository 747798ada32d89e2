package ai.stratum.server.ml.cli;

import ai.stratum.server.database.DatabaseUrl;
import ai.stratum.server.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ml train … --tenant}: the model becomes the tenant's active version in the server's database. */
class MlCommandRegistryTest {

    @TempDir
    Path dir;

    @Test
    void registersEachTrainingAsTheTenantsNewActiveVersion() throws SQLException {
        UUID tenant = UUID.randomUUID();
        try (Connection owner = TestDatabase.ownerConnection();
             PreparedStatement insert = owner.prepareStatement("INSERT INTO tenants (id, name, currency, timezone) VALUES (?, ?, 'USD', 'UTC')")) {
            insert.setObject(1, tenant);
            insert.setString(2, "cli-" + tenant);
            insert.executeUpdate();
        }
        Path file = CsvFiles.write(dir, "roas.csv", CsvFiles.ROAS_HEADER, CsvFiles.roasRows(9, 200));

        String first = train(tenant, file);
        String second = train(tenant, file);

        assertThat(first).contains("\"tenant\":\"" + tenant + "\",\"version\":1,\"active\":true");
        assertThat(second).contains("\"version\":2,\"active\":true");
        assertThat(versions(tenant)).containsExactly("1 false CSV", "2 true CSV");
    }

    @Test
    void anUnknownTenantIsRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path file = CsvFiles.write(dir, "roas.csv", CsvFiles.ROAS_HEADER, CsvFiles.roasRows(9, 100));
        UUID nobody = UUID.randomUUID();

        int status = new MlCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment()).run(List.of("train", "roas", "--csv", file.toString(), "--tenant", nobody.toString()));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--tenant " + nobody + ": no such tenant");
    }

    private String train(UUID tenant, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new MlCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment()).run(List.of("train", "roas", "--csv", file.toString(), "--tenant", tenant.toString()));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> environment() {
        DatabaseUrl url = TestDatabase.url();
        return Map.of("DATABASE_URL", "postgresql://" + url.user() + (url.password() == null || url.password().isEmpty() ? "" : ":"
                + url.password()) + "@" + url.host() + ":" + url.port() + "/" + url.database());
    }

    private static List<String> versions(UUID tenant) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection owner = TestDatabase.ownerConnection();
             PreparedStatement query = owner.prepareStatement("SELECT version, active, source FROM model_registry "
                     + "WHERE tenant_id = ? AND model_type = 'ROAS' ORDER BY version")) {
            query.setObject(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getInt(1) + " " + rows.getBoolean(2) + " " + rows.getString(3));
                }
            }
        }
        return versions;
    }
}
