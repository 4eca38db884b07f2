using Marketplace.Host;

return await MarketplaceApp.RunAsync(args);

/// <summary>Entry point, public so integration tests can host the application (WebApplicationFactory).</summary>
public partial class Program;
