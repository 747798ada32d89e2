package ai.stratum.server.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The custom scalars every schema file may use: {@code DateTime} (ISO-8601 with offset, always
 * written in UTC), {@code Date} (ISO-8601 calendar date), {@code JSON} and {@code Long}.
 */
public final class Scalars {

    public static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant as ISO-8601 date-time with offset, e.g. 2026-11-25T08:00:00Z")
            .coercing(new DateTimeCoercing())
            .build();

    /** Strict: the extended-scalars Date quietly reads 2025-02-30 as 2025-02-28. */
    public static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("A calendar date, ISO-8601 (2026-11-25)")
            .coercing(new DateCoercing())
            .build();

    private Scalars() {
    }

    public static List<GraphQLScalarType> all() {
        return List.of(DATE_TIME, DATE, ExtendedScalars.Json, ExtendedScalars.GraphQLLong);
    }

    private static final class DateCoercing implements Coercing<LocalDate, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof LocalDate date) {
                return date.toString();
            }
            throw new CoercingSerializeException("Expected a LocalDate but was " + value.getClass().getSimpleName());
        }

        @Override
        public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("Expected an ISO-8601 date string");
        }

        @Override
        public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                return parse(text.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("Expected an ISO-8601 date string");
        }

        private static <E extends RuntimeException> LocalDate parse(String text, java.util.function.Function<String, E> error) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw error.apply("'" + text + "' is not a calendar date as ISO-8601 (e.g. 2026-11-25)");
            }
        }
    }

    private static final class DateTimeCoercing implements Coercing<Instant, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Instant instant) {
                return DateTimeFormatter.ISO_INSTANT.format(instant);
            }
            if (value instanceof OffsetDateTime dateTime) {
                return DateTimeFormatter.ISO_INSTANT.format(dateTime.toInstant());
            }
            throw new CoercingSerializeException("Expected an Instant but was " + value.getClass().getSimpleName());
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("Expected an ISO-8601 date-time string");
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                return parse(text.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("Expected an ISO-8601 date-time string");
        }

        private static <E extends RuntimeException> Instant parse(String text,
                                                                  java.util.function.Function<String, E> error) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw error.apply("'" + text + "' is not an ISO-8601 date-time with offset (e.g. 2026-11-25T08:00:00Z)");
            }
        }
    }
}
