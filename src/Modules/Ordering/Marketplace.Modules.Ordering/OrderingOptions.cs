namespace Marketplace.Modules.Ordering;

/// <summary>Settings under <c>Modules:Ordering</c> (docs/ordering.md, "Settings").</summary>
internal sealed class OrderingOptions
{
    public CheckoutOptions Checkout { get; set; } = new();

    public RecoveryOptions Recovery { get; set; } = new();

    public LifecycleOptions Lifecycle { get; set; } = new();

    public StripeOptions Stripe { get; set; } = new();

    public TestingOptions Testing { get; set; } = new();
}

internal sealed class CheckoutOptions
{
    /// <summary>How long checkoutCreate holds the stock (Inventory's reservation time to live).</summary>
    public TimeSpan HoldTtl { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// checkoutComplete renews a hold that ends sooner than this before taking payment, so the hold outlives the payment
    /// call and the sweeper can never end it midway.
    /// </summary>
    public TimeSpan RenewHoldWithin { get; set; } = TimeSpan.FromMinutes(2);
}

internal sealed class RecoveryOptions
{
    /// <summary>Cron of the recovery job (UTC): completions left COMPLETING by a crash are finished or compensated.</summary>
    public string Cron { get; set; } = "* * * * *";

    /// <summary>A completion older than this is presumed dead (longer than any completion takes: payment timeouts included).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Checkouts per recovery batch.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Run one recovery pass when the host starts (after a crash, do not wait for the schedule).</summary>
    public bool RunAtStart { get; set; } = true;
}

internal sealed class LifecycleOptions
{
    /// <summary>
    /// A PLACED order nobody accepts within this EXPIRES (stock back, payment let go). Below Stripe's 7-day hold on an
    /// uncaptured card payment, so a card is always captured while its hold lasts.
    /// </summary>
    public TimeSpan AcceptWithin { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A DELIVERED or PICKED_UP order becomes COMPLETED this long after (the buyer's return window).</summary>
    public TimeSpan ReturnWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Cron of the expiry job (UTC).</summary>
    public string ExpiryCron { get; set; } = "*/5 * * * *";

    /// <summary>Cron of the completion job (UTC).</summary>
    public string CompletionCron { get; set; } = "17 * * * *";

    /// <summary>Orders per job transaction.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Cron of the effects job (UTC): side effects a dead process left undone, and failed ones, again.</summary>
    public string EffectsCron { get; set; } = "* * * * *";

    /// <summary>
    /// The request that moved an order does its side effects at once; the effects job takes one that is still pending
    /// this long after (its process died, or the call failed), then again after a growing pause (up to an hour).
    /// </summary>
    public TimeSpan EffectsRetryAfter { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed class StripeOptions
{
    /// <summary>The secret key (sk_live_… or sk_test_…); empty: CARD is off (one log line at start-up).</summary>
    public string SecretKey { get; set; } = "";

    /// <summary>The publishable key the client uses with the client secret (pk_…); returned to clients, not secret.</summary>
    public string PublishableKey { get; set; } = "";

    /// <summary>Where Stripe's API is (a local stand-in in tests).</summary>
    public string ApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>Timeout of one call to the provider.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Test-only hooks, honoured only outside Production: <see cref="CrashAfter"/> makes the process exit on the spot
/// (<see cref="Environment.FailFast(string)"/>) at a named point of checkoutComplete, so a test can prove what a restarted
/// host does with a completion that died halfway.
/// </summary>
internal sealed class TestingOptions
{
    /// <summary>
    /// Empty, <c>PaymentAuthorized</c>, <c>StockCommitted</c>, <c>OrdersWritten</c> (checkoutComplete) or
    /// <c>TransitionCommitted</c> (an order's status moved, before its side effects).
    /// </summary>
    public string CrashAfter { get; set; } = "";
}
