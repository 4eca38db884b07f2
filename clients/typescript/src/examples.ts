// How the generated types read in client code. Not shipped anywhere: `npm run typecheck` (tsc --strict) compiles it
// with the generated file, so a schema change that breaks these uses fails the test suite (CodegenTests).
import type {
  AccountErrorCode,
  CurrentViewerQuery,
  NearbyProductsQuery,
  NearbyProductsQueryVariables,
  NotificationFeedSubscription,
  SignInWithCodeMutation,
} from './generated/graphql';

// Decimal is a string: never a number, so no float ever touches a price.
export function cheapestPrices(data: NearbyProductsQuery): string[] {
  return data.productsNear.edges.map(({ node }) => `${node.priceRange.minVariantPrice.amount} ${node.priceRange.minVariantPrice.currencyCode}`);
}

export const underTenEuros: NearbyProductsQueryVariables = {
  location: { latitude: 38.7223, longitude: -9.1393 },
  priceMax: '10.00',
  first: 10,
};

// DateTime is an RFC 3339 string in UTC with microseconds; Date keeps milliseconds, which is enough to display it.
export function memberSince(data: CurrentViewerQuery): Date | null {
  return data.viewer ? new Date(data.viewer.createdAt) : null;
}

// userErrors carry typed codes and, for rate limits, when to try again.
export function signInOutcome(data: SignInWithCodeMutation): { token: string } | { code: AccountErrorCode; retryAfterSeconds: number | null } {
  const [error] = data.buyerLoginCodeVerify.userErrors;
  if (error) return { code: error.code, retryAfterSeconds: error.retryAfterSeconds };
  const token = data.buyerLoginCodeVerify.accessToken;
  if (token === null) throw new Error('signed in without a token');
  return { token };
}

export function describe(event: NotificationFeedSubscription): string {
  const { title, category, readAt } = event.notificationReceived;
  return `${category}: ${title}${readAt === null ? ' (new)' : ''}`;
}
