using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Ordering.Carts;

/// <summary>A line as a request gives it: the variant (null when the text is not a UUID: the validator reports it) and the quantity.</summary>
internal sealed record CartLineEdit(Guid? VariantId, int Quantity);

/// <summary>Contract texts as commands carry them.</summary>
internal static class CartInput
{
    public static Guid? Id(string? text) => Guid.TryParse(text, out var id) ? id : null;

    public static string Text(string? text) => (text ?? "").Trim();

    public static Grpc.Core.RpcException Invalid(IEnumerable<FieldViolation> violations) =>
        ContractError.InvalidArgument(CommonErrorCodes.InvalidInput, "The input is not valid.", violations);
}
