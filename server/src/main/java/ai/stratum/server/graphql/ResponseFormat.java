package ai.stratum.server.graphql;

import io.micronaut.http.MediaType;

import java.util.Locale;

/** The two response media types of GraphQL over HTTP, chosen from the client's Accept header. */
enum ResponseFormat {
    GRAPHQL_RESPONSE(GraphQLHttpController.GRAPHQL_RESPONSE),
    JSON(MediaType.APPLICATION_JSON_TYPE);

    private final MediaType mediaType;

    ResponseFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /**
     * The preferred acceptable format, or null when the client accepts neither. A missing Accept
     * header means application/json, as the specification allows for legacy clients.
     */
    static ResponseFormat negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        ResponseFormat best = null;
        double bestQuality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.strip().split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double quality = quality(parts);
            ResponseFormat format = switch (type) {
                case "application/graphql-response+json" -> GRAPHQL_RESPONSE;
                case "application/json", "application/*", "*/*" -> JSON;
                default -> null;
            };
            if (format != null && quality > bestQuality
                    || format == GRAPHQL_RESPONSE && quality == bestQuality && quality > 0) {
                best = format;
                bestQuality = quality;
            }
        }
        return best;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
