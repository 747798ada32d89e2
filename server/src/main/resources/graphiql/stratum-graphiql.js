/*
 * Starts GraphiQL on the Stratum server. Runs after the React, ReactDOM, GraphiQL and
 * graphql-ws browser builds, which the server itself serves, so nothing here reaches the
 * internet.
 *
 * Queries and mutations are POSTed to the GraphQL path of this page's own origin.
 * Subscriptions run over WebSocket with the graphql-transport-ws protocol; the Authorization
 * header typed in GraphiQL's headers editor travels as connectionParams.Authorization, because
 * browsers cannot set headers on a WebSocket handshake.
 */
(function () {
  'use strict';

  const ACCEPT = 'application/graphql-response+json, application/json';
  const container = document.getElementById('graphiql');
  const graphqlUrl = new URL(container.dataset.graphqlPath, window.location.href).href;
  const subscriptionsUrl = (function () {
    const url = new URL(container.dataset.subscriptionsPath, window.location.href);
    // Same host and port as the page; a page served over TLS gets wss://.
    url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    return url.href;
  })();

  // Decided from the exact text being sent, not from GraphiQL's parsed copy of the editor,
  // which can lag behind the text by a debounce.
  function operationKind(params) {
    let document;
    try {
      document = GraphiQL.GraphQL.parse(params.query);
    } catch (syntaxError) {
      // Not parseable here: the server answers with the syntax error over HTTP.
      return 'query';
    }
    const operation = GraphiQL.GraphQL.getOperationAST(document, params.operationName || null);
    return operation ? operation.operation : 'query';
  }

  function requestBody(params) {
    return { query: params.query, operationName: params.operationName || null, variables: params.variables || null };
  }

  async function postOverHttp(params, typedHeaders) {
    const headers = new Headers();
    Object.entries(typedHeaders).forEach(function ([name, value]) {
      if (value !== null && value !== undefined) {
        headers.set(name, String(value));
      }
    });
    // The request's own framing wins over anything typed in the headers editor.
    headers.set('Content-Type', 'application/json');
    headers.set('Accept', ACCEPT);
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: headers,
      body: JSON.stringify(requestBody(params)),
      credentials: 'same-origin',
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch (notJson) {
      // Not a GraphQL response (a proxy's error page, an empty 502): show what came back.
      return { errors: [{ message: 'HTTP ' + response.status + ' ' + response.statusText + ': ' + text.slice(0, 2000) }] };
    }
  }

  function authorizationOf(typedHeaders) {
    const entry = Object.entries(typedHeaders).find(function ([name, value]) {
      return name.toLowerCase() === 'authorization' && value !== null && value !== undefined;
    });
    return entry ? String(entry[1]) : null;
  }

  // One socket at a time, opened for the Authorization it was given. A different
  // Authorization needs a new connection: connectionParams are sent once, at connection_init.
  let socket = null;

  function socketFor(authorization) {
    if (socket && socket.authorization === authorization) {
      return socket.client;
    }
    if (socket) {
      socket.client.dispose();
    }
    const client = graphqlWs.createClient({
      url: subscriptionsUrl,
      connectionParams: authorization === null ? {} : { Authorization: authorization },
      // A console shows a refused or dropped socket at once; the user runs the operation
      // again. Retrying would keep a refused login (4403) spinning for half a minute.
      retryAttempts: 0,
    });
    socket = { authorization: authorization, client: client };
    return client;
  }

  // Every way a subscription can fail is shown as a GraphQL result with errors, as a failed
  // query is: GraphiQL would print a JavaScript stack for an Error object.
  function failureAsResult(failure) {
    if (Array.isArray(failure)) {
      return { errors: failure };
    }
    if (failure instanceof Error) {
      return { errors: [{ message: failure.message }] };
    }
    if (failure && typeof failure.code === 'number') {
      const reason = failure.reason ? ': ' + failure.reason : '';
      return { errors: [{ message: 'Subscription socket closed with code ' + failure.code + reason }] };
    }
    return { errors: [{ message: 'Subscription failed: ' + JSON.stringify(failure) }] };
  }

  // GraphiQL accepts any object with subscribe(observer) returning { unsubscribe }.
  function subscribeOverWebSocket(params, typedHeaders) {
    return {
      subscribe: function (observer) {
        const unsubscribe = socketFor(authorizationOf(typedHeaders)).subscribe(requestBody(params), {
          next: function (result) {
            observer.next(result);
          },
          error: function (failure) {
            observer.next(failureAsResult(failure));
            observer.complete();
          },
          complete: function () {
            observer.complete();
          },
        });
        return { unsubscribe: unsubscribe };
      },
    };
  }

  function fetcher(params, options) {
    const typedHeaders = (options && options.headers) || {};
    return operationKind(params) === 'subscription'
      ? subscribeOverWebSocket(params, typedHeaders)
      : postOverHttp(params, typedHeaders);
  }

  const defaultQuery = [
    '# Stratum GraphQL API',
    '#',
    '# Sign in with the login mutation, then put',
    '# the token in Headers below:',
    '#   { "Authorization": "Bearer <token>" }',
    '# An API key works the same way, and',
    '# subscriptions use the same header.',
    '',
  ].join('\n');

  ReactDOM.createRoot(container).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery })
  );
})();
