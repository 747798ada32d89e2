package ai.stratum.server.database;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * A statement with positional parameters ({@code $1}, {@code $2}…). A null parameter must be
 * given as {@link Null} so the driver knows its type.
 */
public final class Sql {

    private final Statement statement;

    private Sql(Statement statement) {
        this.statement = statement;
    }

    public static Sql of(Connection connection, String sql, Object... parameters) {
        Statement statement = connection.createStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter instanceof Null nullValue) {
                statement.bindNull(i, nullValue.type());
            } else if (parameter == null) {
                throw new IllegalArgumentException("parameter $" + (i + 1) + " is null; pass Sql.Null.of(type)");
            } else {
                statement.bind(i, parameter);
            }
        }
        return new Sql(statement);
    }

    public <T> Flux<T> rows(Function<Readable, T> mapper) {
        return Flux.from(statement.execute()).flatMap(result -> result.map(mapper::apply));
    }

    public <T> Mono<T> row(Function<Readable, T> mapper) {
        return rows(mapper).singleOrEmpty();
    }

    public Mono<Long> update() {
        return Flux.from(statement.execute()).flatMap(result -> result.getRowsUpdated()).reduce(0L, Long::sum);
    }

    /** A typed SQL NULL. */
    public record Null(Class<?> type) {
        public static Null of(Class<?> type) {
            return new Null(type);
        }
    }

    /** A parameter that may be null. */
    public static Object nullable(Object value, Class<?> type) {
        return value == null ? Null.of(type) : value;
    }
}
