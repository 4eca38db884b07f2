using FluentValidation;
using Marketplace.Modules.Users.Buyers;
using Marketplace.Modules.Users.Contracts;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Users.Addresses;

/// <summary>An address's fields as a command carries them: trimmed, empty lines dropped, the country upper-cased.</summary>
internal sealed record AddressInput(
    string Label,
    string Recipient,
    string Phone,
    IReadOnlyList<string> Lines,
    string City,
    string Region,
    string PostalCode,
    string Country,
    AddressLocation? Location)
{
    public const int MaxLabelLength = 50;
    public const int MaxNameLength = 100;
    public const int MaxPostalCodeLength = 20;
    public const int MaxLines = 3;
    public const int MaxLineLength = 200;

    public static AddressInput From(AddressFields? fields)
    {
        fields ??= new AddressFields();
        return new AddressInput(
            fields.Label.Trim(),
            fields.Recipient.Trim(),
            fields.Phone.Trim(),
            fields.Lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList(),
            fields.City.Trim(),
            fields.Region.Trim(),
            fields.PostalCode.Trim(),
            fields.Country.Trim().ToUpperInvariant(),
            fields.Location is { } point ? new AddressLocation(point.Latitude, point.Longitude) : null);
    }
}

internal sealed record AddressLocation(double Latitude, double Longitude);

/// <summary>
/// Every field of an address, one violation each under <c>address.*</c> (the codes clients have relied on since address
/// books exist): <c>REQUIRED</c>, <c>TOO_LONG</c>, <c>PHONE_INVALID</c>, <c>LINES_INVALID</c>, <c>COUNTRY_INVALID</c>,
/// <c>LOCATION_INVALID</c>.
/// </summary>
internal sealed class AddressInputValidator : AbstractValidator<AddressInput>
{
    public AddressInputValidator(PhoneNumberNormalizer phones)
    {
        RuleFor(a => a.Label).Text(AddressInput.MaxLabelLength, required: false);
        RuleFor(a => a.Recipient).Text(AddressInput.MaxNameLength, required: true);
        RuleFor(a => a.City).Text(AddressInput.MaxNameLength, required: true);
        RuleFor(a => a.Region).Text(AddressInput.MaxNameLength, required: false);
        RuleFor(a => a.PostalCode).Text(AddressInput.MaxPostalCodeLength, required: false);
        RuleFor(a => a.Phone).Must(phone => phone.Length == 0 || phones.Normalize(phone) is not null)
            .WithErrorCode(UsersErrorCodes.Addresses.PhoneInvalid).WithMessage("Enter a valid phone number with its country code.");
        RuleFor(a => a.Lines).Must(lines => lines.Count is > 0 and <= AddressInput.MaxLines && lines.All(l => l.Length <= AddressInput.MaxLineLength))
            .WithErrorCode(UsersErrorCodes.Addresses.LinesInvalid).WithMessage($"Give 1 to {AddressInput.MaxLines} address lines of at most {AddressInput.MaxLineLength} characters.");
        RuleFor(a => a.Country).Must(Countries.Codes.Contains)
            .WithErrorCode(UsersErrorCodes.Addresses.CountryInvalid).WithMessage("Use an ISO 3166-1 alpha-2 country code, e.g. GB.");
        RuleFor(a => a.Location!)
            .Must(l => double.IsFinite(l.Latitude) && double.IsFinite(l.Longitude) && l.Latitude is >= -90 and <= 90 && l.Longitude is >= -180 and <= 180)
            .WithErrorCode(UsersErrorCodes.Addresses.LocationInvalid).WithMessage("Latitude must be within ±90 and longitude within ±180.")
            .When(a => a.Location is not null);
    }
}

internal static class AddressFieldRules
{
    public static IRuleBuilderOptions<T, string> Text<T>(this IRuleBuilderInitial<T, string> rule, int max, bool required) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(text => !required || text.Length > 0).WithErrorCode(CommonErrorCodes.Required).WithMessage("This field is required.")
            .MaximumLength(max).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"Use at most {max} characters.");
}
