package ai.stratum.server.graphql;

import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.Caller;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;

import java.util.Optional;

/**
 * What every data fetcher may know about the request it serves: who is calling (empty when no
 * credentials were sent), the request id that ties logs together, and the client's address.
 */
public record RequestContext(Optional<Caller> caller, String requestId, String clientAddress) {

    public static RequestContext of(DataFetchingEnvironment environment) {
        return from(environment.getGraphQlContext());
    }

    public static RequestContext from(GraphQLContext context) {
        RequestContext request = context.get(RequestContext.class);
        if (request == null) {
            throw new IllegalStateException("GraphQL executed without a RequestContext");
        }
        return request;
    }

    /** The authenticated caller, or UNAUTHENTICATED. */
    public Caller requireCaller() {
        return caller.orElseThrow(() -> ApiException.unauthenticated(
                "Authentication required: send Authorization: Bearer <token or API key>, or X-API-Key"));
    }

    public static Caller caller(DataFetchingEnvironment environment) {
        return of(environment).requireCaller();
    }
}
