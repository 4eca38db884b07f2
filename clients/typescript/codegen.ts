// graphql-codegen: strict TypeScript types for the operations in operations/*.graphql.
//   npm run codegen                                        from ../../schema.graphql (the committed schema)
//   MARKETPLACE_GRAPHQL_URL=http://127.0.0.1:8080/graphql npm run codegen   from a running host (introspection)
// Both give the same file; Marketplace.Gateway.Tests' CodegenTests checks it, and that it compiles with tsc --strict.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: process.env.MARKETPLACE_GRAPHQL_URL || '../../schema.graphql',
  documents: ['operations/*.graphql'],
  generates: {
    [process.env.MARKETPLACE_CODEGEN_OUT || 'src/generated/graphql.ts']: {
      plugins: ['typescript-operations'],
      config: {
        // Every custom scalar must be mapped: an unmapped one fails the run instead of becoming `any`.
        strictScalars: true,
        scalars: {
          // Exact decimals travel as strings ("12.50"; @specifiedBy XML Schema decimal): parse with a decimal library.
          Decimal: 'string',
          // RFC 3339, always UTC with six fractional digits ("2026-11-24T03:50:27.123456Z").
          DateTime: 'string',
        },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};

export default config;
