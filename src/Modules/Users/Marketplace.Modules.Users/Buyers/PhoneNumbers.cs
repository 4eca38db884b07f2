using PhoneNumbers;

namespace Marketplace.Modules.Users.Buyers;

/// <summary>Phone numbers as libphonenumber understands them, normalised to E.164.</summary>
internal sealed class PhoneNumberNormalizer(UsersOptions options)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form of a valid number, else null.</summary>
    public string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
            return null;
        try
        {
            var number = Util.Parse(input, options.DefaultPhoneRegion);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
