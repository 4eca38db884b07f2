// Subscribes with the real graphql-ws client and prints one JSON line per event, then "complete".
// Usage: node subscribe.mjs <ws-url> <token|-> <query> [variables-json]
// Exits 0 when the server completes the subscription, 1 on any error (printed as a JSON line).
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, query, variables] = process.argv.slice(2);
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  lazy: true,
  retryAttempts: 0,
  connectionParams: token && token !== '-' ? { Authorization: `Bearer ${token}` } : {},
  on: {
    connected: () => console.log(JSON.stringify({ event: 'connected' })),
    closed: (event) => console.log(JSON.stringify({ event: 'closed', code: event.code, reason: event.reason })),
  },
});

try {
  for await (const result of client.iterate({ query, variables: variables ? JSON.parse(variables) : undefined })) {
    console.log(JSON.stringify({ event: 'next', payload: result }));
  }
  console.log(JSON.stringify({ event: 'complete' }));
  await client.dispose();
  process.exit(0);
} catch (error) {
  const detail = Array.isArray(error) ? error : { message: String(error?.message ?? error), code: error?.code, reason: error?.reason };
  console.log(JSON.stringify({ event: 'error', error: detail }));
  await client.dispose();
  process.exit(1);
}
