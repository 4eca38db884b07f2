// Runs graphql-http's server audits (the GraphQL-over-HTTP spec's MUSTs and SHOULDs) against a URL and prints them
// as one JSON array: [{ id, name, status: "ok" | "warn" | "error" | "notice", reason }].
// Usage: node audit.mjs <http-url-of-graphql>
import { serverAudits } from 'graphql-http';

const [url] = process.argv.slice(2);
const results = [];
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  results.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason ?? null });
}
console.log(JSON.stringify(results));
