package ai.stratum.benchmarks.load;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** JDBC connections from the {@code postgresql://user[:password]@host[:port]/database} URLs the server takes as DATABASE_URL. */
final class DatabaseUrls {

    private DatabaseUrls() {
    }

    static Connection connect(String databaseUrl) throws SQLException {
        URI url = URI.create(databaseUrl);
        String[] user = url.getUserInfo() == null ? new String[] {"postgres"} : url.getUserInfo().split(":", 2);
        String jdbc = "jdbc:postgresql://" + url.getHost() + ":" + (url.getPort() < 0 ? 5432 : url.getPort()) + url.getPath();
        return DriverManager.getConnection(jdbc, user[0], user.length > 1 ? user[1] : null);
    }
}
