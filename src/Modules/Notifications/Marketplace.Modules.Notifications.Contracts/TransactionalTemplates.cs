namespace Marketplace.Modules.Notifications.Contracts;

/// <summary>
/// The transactional email templates other modules may ask for, with the data each one needs. Part of the
/// contract: renaming a key or a variable is a breaking change.
/// </summary>
public static class TransactionalTemplates
{
    /// <summary>Data: <c>displayName</c>, <c>verificationUrl</c>.</summary>
    public const string SellerEmailVerification = "seller_email_verification";

    /// <summary>Data: <c>displayName</c>, <c>resetUrl</c>.</summary>
    public const string PasswordReset = "password_reset";

    /// <summary>Data: <c>displayName</c>, <c>verificationUrl</c> (sent to the new address).</summary>
    public const string EmailChangeVerification = "email_change_verification";

    /// <summary>
    /// Data: <c>displayName</c> (of the account that holds the address). Sent to an address someone tried to register
    /// or to move to another account while a verified account holds it: the owner learns of it, the one who tried
    /// learns nothing (the answer they got is the same as for a free address).
    /// </summary>
    public const string EmailAddressInUse = "email_address_in_use";
}
