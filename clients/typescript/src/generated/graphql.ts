/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** The codes of AccountUserError: stable, machine-readable reasons an account mutation failed. */
export type AccountErrorCode =
  /** Only administrators may do this. */
  | 'ADMINS_ONLY'
  /** The email address is already verified. */
  | 'ALREADY_VERIFIED'
  /** Only buyers may do this. */
  | 'BUYERS_ONLY'
  /** The code is wrong, expired, already used, or void after its tries; ask for a new one. */
  | 'CODE_INVALID'
  /** The email or password is wrong, or the address is not verified yet. */
  | 'CREDENTIALS_INVALID'
  /** No development SMS inbox here (not Development, or a real SMS provider). */
  | 'DEVELOPMENT_SMS_UNAVAILABLE'
  /** A display name has 1 to 100 characters. */
  | 'DISPLAY_NAME_INVALID'
  /** Not an email address we accept (malformed, or look-alike characters). */
  | 'EMAIL_INVALID'
  /** Another account verified this email address first. */
  | 'EMAIL_TAKEN'
  /** The value is not valid. */
  | 'INVALID'
  /** Latitude or longitude out of range. */
  | 'INVALID_COORDINATES'
  /** The cursor is not one this API returned. */
  | 'INVALID_CURSOR'
  /** The id is malformed or names another kind of object. */
  | 'INVALID_ID'
  /** The input is not valid; the field violations say where. */
  | 'INVALID_INPUT'
  /** Not a Media asset id or an https:// URL. */
  | 'INVALID_MEDIA_REFERENCE'
  /** Not for this kind of account: buyers have no email here, only buyers change a phone. */
  | 'NOT_ALLOWED_FOR_ROLE'
  /** This phone belongs to an account that signs in another way. */
  | 'NOT_A_BUYER'
  /** The object belongs to someone else. */
  | 'NOT_OWNER'
  /** No phone change is waiting for a code; ask for one first. */
  | 'NO_PHONE_CHANGE_PENDING'
  /** The value is outside the allowed range. */
  | 'OUT_OF_RANGE'
  /** The password may not be the email address (or its part before the @). */
  | 'PASSWORD_IS_EMAIL'
  /** The password is on the list of common passwords; choose another. */
  | 'PASSWORD_TOO_COMMON'
  /** A password has at most 256 characters. */
  | 'PASSWORD_TOO_LONG'
  /** A password has at least 10 characters. */
  | 'PASSWORD_TOO_SHORT'
  /** Not a valid phone number: give it with its country code, e.g. +44 7911 123456. */
  | 'PHONE_INVALID'
  /** Another account uses this phone number. */
  | 'PHONE_TAKEN'
  /** Too many requests; retry after the time given. */
  | 'RATE_LIMITED'
  /** The refresh token is unknown, expired, or its session has ended; sign in again. */
  | 'REFRESH_TOKEN_INVALID'
  /** The refresh token was already used: its whole session has been ended. Sign in again. */
  | 'REFRESH_TOKEN_REUSED'
  /** A required value is missing or empty. */
  | 'REQUIRED'
  /** Only sellers may do this. */
  | 'SELLERS_ONLY'
  /** Messages cannot be sent right now (their budget cannot be checked); nothing was sent, retry shortly. */
  | 'SENDING_UNAVAILABLE'
  /** Only the marketplace's own modules may do this. */
  | 'SERVICES_ONLY'
  /** This session has ended; sign in again. */
  | 'SESSION_ENDED'
  /** No such session among yours. */
  | 'SESSION_NOT_FOUND'
  /** Too many failed attempts: signing in this way is locked until a password reset or an administrator unlocks it. */
  | 'SIGN_IN_LOCKED'
  /** Sign in first. */
  | 'SIGN_IN_REQUIRED'
  /** The link is invalid, expired or already used. */
  | 'TOKEN_INVALID'
  /** The value is longer than allowed. */
  | 'TOO_LONG'
  /** Too many failed attempts from this client; wait the time given before trying again. */
  | 'TOO_MANY_ATTEMPTS'
  /** Too many ids in one request. */
  | 'TOO_MANY_IDS'
  /** The value is shorter than allowed. */
  | 'TOO_SHORT'
  /** The account no longer exists. */
  | 'USER_NOT_FOUND';

/** A point on the earth, WGS 84 degrees. */
export type GeoPointInput = {
  /** Degrees north, -90 to 90. */
  latitude: number;
  /** Degrees east, -180 to 180. */
  longitude: number;
};

/** Why a notification is sent; preferences are set per channel and category. */
export type NotificationCategory =
  /** Account and security (verification, password reset, welcome): always sent, cannot be switched off. */
  | 'ACCOUNT'
  /** News from stores the viewer follows; on unless switched off. */
  | 'FOLLOWED_STORES'
  /** Offers and tips: off until opted in. */
  | 'MARKETING'
  /** About the viewer's orders; on unless switched off. */
  | 'ORDERS';

/** Where a product is in its life: being prepared, for sale, or withdrawn. */
export type ProductStatus =
  /** Published: buyers see it while its store is ACTIVE. */
  | 'ACTIVE'
  /** No longer sold or found; its seller may publish it again. */
  | 'ARCHIVED'
  /** Being prepared; only its seller sees it. */
  | 'DRAFT';

/** The codes of StoreUserError: stable, machine-readable reasons a store mutation failed. */
export type StoreErrorCode =
  /** Only administrators may do this. */
  | 'ADMINS_ONLY'
  /** Only buyers may do this. */
  | 'BUYERS_ONLY'
  /** A category tag is listed twice. */
  | 'DUPLICATE_CATEGORY'
  /** The value is not valid. */
  | 'INVALID'
  /** A category tag is not lower-case letters, digits and single hyphens of the allowed length. */
  | 'INVALID_CATEGORY'
  /** Latitude or longitude out of range. */
  | 'INVALID_COORDINATES'
  /** The cursor is not one this API returned. */
  | 'INVALID_CURSOR'
  /** Not a weekday MONDAY to SUNDAY. */
  | 'INVALID_DAY'
  /** Not a valid email address. */
  | 'INVALID_EMAIL'
  /** The id is malformed or names another kind of object. */
  | 'INVALID_ID'
  /** The input is not valid; the field violations say where. */
  | 'INVALID_INPUT'
  /** An interval must open before it closes, within one day. */
  | 'INVALID_INTERVAL'
  /** Not a Media asset id or an https:// URL. */
  | 'INVALID_MEDIA_REFERENCE'
  /** Not a valid phone number. */
  | 'INVALID_PHONE'
  /** The radius is outside the allowed range. */
  | 'INVALID_RADIUS'
  /** A slug is lower-case letters, digits and single hyphens, of the allowed length. */
  | 'INVALID_SLUG'
  /** Not a 24-hour time HH:mm. */
  | 'INVALID_TIME'
  /** The account is not a seller's. */
  | 'NOT_A_SELLER'
  /** The object belongs to someone else. */
  | 'NOT_OWNER'
  /** Only the seller who runs this store may change it. */
  | 'NOT_YOUR_STORE'
  /** The value is outside the allowed range. */
  | 'OUT_OF_RANGE'
  /** Two intervals of the same day overlap. */
  | 'OVERLAPPING_HOURS'
  /** Too many requests; retry after the time given. */
  | 'RATE_LIMITED'
  /** A required value is missing or empty. */
  | 'REQUIRED'
  /** Only sellers may do this. */
  | 'SELLERS_ONLY'
  /** Verify your email address before opening a store. */
  | 'SELLER_NOT_VERIFIED'
  /** Only the marketplace's own modules may do this. */
  | 'SERVICES_ONLY'
  /** Sign in first. */
  | 'SIGN_IN_REQUIRED'
  /** Another store uses this slug. */
  | 'SLUG_TAKEN'
  /** The seller already runs the most stores allowed. */
  | 'STORE_LIMIT_REACHED'
  /** Only open stores can be followed. */
  | 'STORE_NOT_ACTIVE'
  /** No such store, or not one you may see. */
  | 'STORE_NOT_FOUND'
  /** Only a suspended store can be reinstated. */
  | 'STORE_NOT_SUSPENDED'
  /** An administrator suspended this store; only an administrator can reinstate it. */
  | 'STORE_SUSPENDED'
  /** The value is longer than allowed. */
  | 'TOO_LONG'
  /** Too many store categories. */
  | 'TOO_MANY_CATEGORIES'
  /** Too many ids in one request. */
  | 'TOO_MANY_IDS'
  /** Too many opening intervals. */
  | 'TOO_MANY_INTERVALS'
  /** The value is shorter than allowed. */
  | 'TOO_SHORT'
  /** The store changed since the version given; reload it and try again. */
  | 'VERSION_CONFLICT';

/** A day of the week. */
export type Weekday =
  /** Friday. */
  | 'FRIDAY'
  /** Monday. */
  | 'MONDAY'
  /** Saturday. */
  | 'SATURDAY'
  /** Sunday. */
  | 'SUNDAY'
  /** Thursday. */
  | 'THURSDAY'
  /** Tuesday. */
  | 'TUESDAY'
  /** Wednesday. */
  | 'WEDNESDAY';

export type RequestSignInCodeMutationVariables = Exact<{
  phone: string;
}>;


export type RequestSignInCodeMutation = { buyerLoginCodeRequest: { codeSent: boolean, expiresInSeconds: number | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode, retryAfterSeconds: number | null }> } };

export type SignInWithCodeMutationVariables = Exact<{
  phone: string;
  code: string;
}>;


export type SignInWithCodeMutation = { buyerLoginCodeVerify: { accessToken: string | null, accessTokenExpiresIn: number | null, refreshToken: string | null, viewer: { id: string, userId: string, displayName: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountErrorCode, retryAfterSeconds: number | null }> } };

export type CurrentViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentViewerQuery = { viewer: { id: string, userId: string, roles: Array<string>, displayName: string, phone: string | null, createdAt: string, unreadNotificationsCount: number, addresses: { nodes: Array<{ id: string, label: string | null, lines: Array<string>, city: string, country: string, isDefault: boolean, location: { latitude: number, longitude: number } | null }> } | null, sessions: Array<{ id: string, device: string, current: boolean, lastUsedAt: string }> } | null };

export type FollowStoreByIdMutationVariables = Exact<{
  storeId: string | number;
}>;


export type FollowStoreByIdMutation = { storeFollow: { store: { id: string, name: string, followersCount: number, viewerIsFollowing: boolean } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: StoreErrorCode }> } };

export type NotificationFeedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationFeedSubscription = { notificationReceived: { id: string, kind: string, category: NotificationCategory, title: string, body: string, createdAt: string, readAt: string | null } };

export type NearbyStoresQueryVariables = Exact<{
  location: GeoPointInput;
  radiusKm?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type NearbyStoresQuery = { storesNear: { edges: Array<{ distanceMeters: number, node: { id: string, name: string, slug: string, followersCount: number, location: { latitude: number, longitude: number }, openingHours: Array<{ day: Weekday, opens: string, closes: string }>, logo: { url: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type NearbyProductsQueryVariables = Exact<{
  location: GeoPointInput;
  query?: string | null | undefined;
  priceMax?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type NearbyProductsQuery = { productsNear: { edges: Array<{ distanceMeters: number, node: { id: string, title: string, status: ProductStatus, publishedAt: string | null, priceRange: { minVariantPrice: { amount: string, currencyCode: string }, maxVariantPrice: { amount: string, currencyCode: string } }, store: { id: string, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };
