// Starts GraphiQL against this server's /graphql. One source of headers: the Headers tab of the active GraphiQL tab.
// Queries and mutations send them over HTTP; subscriptions send the Authorization header in the WebSocket's
// connection_init (graphql-transport-ws), on a socket opened for exactly those credentials. A subscription the server
// refuses (4403: a bad or expired token, an ended session) shows why instead of retrying forever.
(function () {
  'use strict';
  var wsUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';

  // Earlier versions of this page pre-filled a placeholder token that the server refused: forget it.
  try {
    ['graphiql:tabState', 'graphiql:headers'].forEach(function (key) {
      var saved = localStorage.getItem(key);
      if (saved && saved.indexOf('<paste an access token>') >= 0) localStorage.removeItem(key);
    });
  } catch (e) {
    // Storage may be off (private windows); GraphiQL copes.
  }

  function authorizationOf(headers) {
    if (!headers) return null;
    for (var name in headers) {
      if (Object.prototype.hasOwnProperty.call(headers, name) && name.toLowerCase() === 'authorization' && headers[name]) return String(headers[name]);
    }
    return null;
  }

  // What the server said when it closed the socket, as a GraphQL error GraphiQL can show.
  var closeReasons = {
    4400: 'The server could not read a message of this page.',
    4403: 'The server refused the credentials: the access token is malformed or expired, or its session ended. Sign in again (SignIn) and put the new accessToken in Headers.',
    4408: 'The connection was not initialised in time.',
    4429: 'Too many connection requests.',
    1009: 'A message was too large.',
  };
  function describeFailure(failure) {
    if (Array.isArray(failure)) return failure; // GraphQL errors of an `error` message (e.g. RATE_LIMITED): shown as sent
    if (failure && typeof failure.code === 'number') {
      var text = closeReasons[failure.code] || 'The connection closed (' + failure.code + ').';
      return [{ message: 'Subscription stopped: ' + text + (failure.reason ? ' Server: "' + failure.reason + '".' : ''), extensions: { closeCode: failure.code } }];
    }
    return [{ message: 'Subscription stopped: ' + (failure && failure.message ? failure.message : 'the server could not be reached over WebSocket.') }];
  }

  // One socket per set of credentials: new headers open a new socket, the old one is closed.
  var socket = null;
  function socketFor(authorization) {
    if (socket && socket.authorization === authorization) return socket.client;
    if (socket) socket.client.dispose();
    var client = graphqlWs.createClient({
      url: wsUrl,
      lazy: true,
      retryAttempts: 3,
      // A refusal (44xx) will not change by retrying; only network failures are retried.
      shouldRetry: function (failure) {
        return !(failure && typeof failure.code === 'number' && failure.code >= 4400 && failure.code < 4500);
      },
      connectionParams: authorization ? { Authorization: authorization } : {},
    });
    socket = { authorization: authorization, client: client };
    return client;
  }

  function operationType(documentAST, operationName) {
    if (!documentAST) return 'query';
    var operations = documentAST.definitions.filter(function (d) { return d.kind === 'OperationDefinition'; });
    var chosen = operationName
      ? operations.filter(function (d) { return d.name && d.name.value === operationName; })[0]
      : operations.length === 1 ? operations[0] : null;
    return chosen ? chosen.operation : 'query';
  }

  function subscribe(params, authorization) {
    return {
      subscribe: function (observer) {
        var stop = socketFor(authorization).subscribe(params, {
          next: function (value) { observer.next(value); },
          complete: function () { observer.complete(); },
          error: function (failure) { observer.error(describeFailure(failure)); },
        });
        return { unsubscribe: stop };
      },
    };
  }

  function post(params, headers) {
    var all = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
    for (var name in headers || {}) {
      if (Object.prototype.hasOwnProperty.call(headers, name)) all[name] = headers[name];
    }
    return fetch('/graphql', { method: 'POST', headers: all, body: JSON.stringify(params), credentials: 'omit' }).then(function (response) {
      return response.text().then(function (text) {
        try {
          return JSON.parse(text);
        } catch (e) {
          return { errors: [{ message: 'HTTP ' + response.status + ' without a GraphQL answer: ' + text.slice(0, 200) }] };
        }
      });
    });
  }

  function fetcher(params, options) {
    var headers = (options && options.headers) || {};
    if (operationType(options && options.documentAST, params.operationName) === 'subscription') return subscribe(params, authorizationOf(headers));
    return post(params, headers);
  }

  function text(path) {
    return fetch(path).then(function (response) { return response.ok ? response.text() : ''; });
  }

  Promise.all([text('/graphql/assets/walkthrough.graphql'), text('/graphql/assets/walkthrough.json')]).then(function (walkthrough) {
    // GraphiQL 3 fills the Variables editor from storage, not from defaultTabs: on a first visit, put them there.
    try {
      if (!localStorage.getItem('graphiql:tabState') && !localStorage.getItem('graphiql:variables')) localStorage.setItem('graphiql:variables', walkthrough[1]);
    } catch (e) {
      // No storage: the variables are still in the walkthrough's comments.
    }
    var root = ReactDOM.createRoot(document.getElementById('graphiql'));
    root.render(
      React.createElement(GraphiQL, {
        fetcher: fetcher,
        defaultEditorToolsVisibility: true,
        // No placeholder token: an empty header set is an anonymous caller (the page's banner says what to paste).
        defaultTabs: [{ query: walkthrough[0], variables: walkthrough[1], headers: '' }],
        defaultHeaders: '',
        shouldPersistHeaders: true,
      }),
    );
  });
})();
