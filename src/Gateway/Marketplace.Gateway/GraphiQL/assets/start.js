// Starts GraphiQL against this server's /graphql. Queries and mutations go over HTTP with the headers from
// GraphiQL's "Headers" tab (paste {"Authorization": "Bearer <token>"} there); subscriptions go over WebSocket
// (graphql-transport-ws) and send the same Authorization header in connection_init.
(function () {
  var wsUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';
  function savedHeaders() {
    try {
      return JSON.parse(localStorage.getItem('graphiql:headers') || '{}') || {};
    } catch (e) {
      return {};
    }
  }
  var wsClient = graphqlWs.createClient({
    url: wsUrl,
    lazy: true,
    connectionParams: function () {
      var headers = savedHeaders();
      var auth = headers.Authorization || headers.authorization;
      return auth ? { Authorization: auth } : {};
    },
  });
  var fetcher = GraphiQL.createFetcher({ url: '/graphql', wsClient: wsClient });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      defaultHeaders: '{\n  "Authorization": "Bearer <paste an access token>"\n}',
      shouldPersistHeaders: true,
    }),
  );
})();
