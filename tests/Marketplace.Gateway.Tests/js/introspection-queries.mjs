// Prints, as one JSON array, the introspection requests client tools send, built by graphql-js itself (the version
// GraphiQL 3.8.3 bundles and graphql-codegen uses): [{ name, query, operationName }].
//  - every combination of getIntrospectionQuery()'s options (descriptions, specifiedByUrl, directiveIsRepeatable,
//    schemaDescription, inputValueDeprecation, oneOf), as GraphiQL sends it (operationName "IntrospectionQuery");
//  - GraphiQL's fallback without `subscriptionType { name }`;
//  - graphql-codegen's (@graphql-tools/url-loader): the default query with ignored characters stripped, no operationName.
// Usage: node introspection-queries.mjs
import { getIntrospectionQuery, stripIgnoredCharacters } from 'graphql';

const options = ['descriptions', 'specifiedByUrl', 'directiveIsRepeatable', 'schemaDescription', 'inputValueDeprecation', 'oneOf'];
const requests = [];
for (let mask = 0; mask < 1 << options.length; mask++) {
  const chosen = Object.fromEntries(options.map((option, bit) => [option, (mask & (1 << bit)) !== 0]));
  const name = options.filter((option) => chosen[option]).join('+') || 'none';
  requests.push({ name: `graphql-js ${name}`, query: getIntrospectionQuery(chosen), operationName: 'IntrospectionQuery' });
}
requests.push({
  name: 'GraphiQL without subscriptionType',
  query: getIntrospectionQuery({}).replace('subscriptionType { name }', ''),
  operationName: 'IntrospectionQuery',
});
requests.push({ name: 'graphql-codegen', query: stripIgnoredCharacters(getIntrospectionQuery({})), operationName: null });
console.log(JSON.stringify(requests));
