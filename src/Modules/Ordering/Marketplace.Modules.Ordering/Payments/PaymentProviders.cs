namespace Marketplace.Modules.Ordering.Payments;

/// <summary>The registered providers by method.</summary>
internal sealed class PaymentProviders(IEnumerable<IPaymentProvider> providers)
{
    private readonly Dictionary<string, IPaymentProvider> _byMethod = providers.ToDictionary(p => p.Method, StringComparer.Ordinal);

    public IPaymentProvider? Find(string method) => _byMethod.GetValueOrDefault(method);

    public IPaymentProvider Get(string method) => _byMethod[method];
}
