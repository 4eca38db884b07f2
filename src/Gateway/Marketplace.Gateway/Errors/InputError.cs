using GraphQL;

namespace Marketplace.Gateway.Errors;

/// <summary>
/// Something the client sent that the gateway itself finds wrong before any module is asked (e.g. a malformed id): a
/// top-level <c>BAD_USER_INPUT</c> naming the field in <c>extensions.fieldViolations</c>, or, inside a mutation run
/// through <see cref="ContractCalls.PayloadAsync{TPayload}"/>, a userError on that field.
/// </summary>
public sealed class InputError : ExecutionError
{
    public InputError(string field, string fieldCode, string message)
        : base(message)
    {
        Code = ErrorCodes.BadUserInput;
        Field = field;
        FieldCode = fieldCode;
    }

    /// <summary>Dotted path from the argument, e.g. <c>input.storeId</c> or <c>id</c>.</summary>
    public string Field { get; }

    /// <summary>The field's error code, e.g. <c>INVALID_ID</c>.</summary>
    public string FieldCode { get; }
}
