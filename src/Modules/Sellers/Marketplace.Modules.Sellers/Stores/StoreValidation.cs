using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Media;
using OpeningIntervalMessage = Marketplace.Modules.Sellers.Contracts.V1.OpeningInterval;

namespace Marketplace.Modules.Sellers.Stores;

/// <summary>
/// The field rules of a store, shared by creation and update: each method normalises one field, adds a field violation
/// (path as in the GraphQL input, e.g. <c>openingHours.2.closes</c>) when it is not valid, and returns the value to keep.
/// </summary>
internal static partial class StoreValidation
{
    public static readonly string[] Weekdays = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];

    public static string Name(string raw, List<FieldViolation> violations)
    {
        var name = raw.Trim();
        if (name.Length == 0)
            violations.Add(new FieldViolation("name", "A store needs a name.", "REQUIRED"));
        else if (name.Length > StoreRules.MaxNameLength)
            violations.Add(new FieldViolation("name", $"Use at most {StoreRules.MaxNameLength} characters.", "TOO_LONG"));
        return name;
    }

    /// <summary>A slug the seller chose (creation with a slug, or any update of it).</summary>
    public static string Slug(string raw, List<FieldViolation> violations)
    {
        var slug = raw.Trim().ToLowerInvariant();
        if (slug.Length < StoreRules.MinSlugLength || slug.Length > StoreRules.MaxSlugLength || StoreDirectory.Slugify(slug) != slug)
            violations.Add(new FieldViolation("slug", $"Use {StoreRules.MinSlugLength} to {StoreRules.MaxSlugLength} lower-case letters, digits and single hyphens.", "INVALID_SLUG"));
        return slug;
    }

    public static string Description(string raw, List<FieldViolation> violations)
    {
        var description = raw.Trim();
        if (description.Length > StoreRules.MaxDescriptionLength)
            violations.Add(new FieldViolation("description", $"Use at most {StoreRules.MaxDescriptionLength} characters.", "TOO_LONG"));
        return description;
    }

    public static string ContactEmail(string raw, List<FieldViolation> violations)
    {
        var email = raw.Trim().ToLowerInvariant();
        if (email.Length == 0 || email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            violations.Add(new FieldViolation("contactEmail", "Give a valid email address.", "INVALID_EMAIL"));
        return email;
    }

    public static string ContactPhone(string raw, List<FieldViolation> violations)
    {
        var phone = raw.Trim();
        if (phone.Length is 0 or > 32)
            violations.Add(new FieldViolation("contactPhone", "Give a phone number (at most 32 characters).", "INVALID_PHONE"));
        return phone;
    }

    public static string Address(string raw, List<FieldViolation> violations)
    {
        var address = raw.Trim();
        if (address.Length == 0)
            violations.Add(new FieldViolation("address", "A store needs an address.", "REQUIRED"));
        else if (address.Length > StoreRules.MaxAddressLength)
            violations.Add(new FieldViolation("address", $"Use at most {StoreRules.MaxAddressLength} characters.", "TOO_LONG"));
        return address;
    }

    public static void Point(double latitude, double longitude, string field, List<FieldViolation> violations)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
            violations.Add(new FieldViolation($"{field}.latitude", "Latitude is between -90 and 90.", "INVALID_COORDINATES"));
        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
            violations.Add(new FieldViolation($"{field}.longitude", "Longitude is between -180 and 180.", "INVALID_COORDINATES"));
    }

    public static double ServiceRadius(double radiusKm, List<FieldViolation> violations)
    {
        if (!(radiusKm > 0) || radiusKm > StoreRules.MaxServiceRadiusKm)
            violations.Add(new FieldViolation("serviceRadiusKm", $"Use a radius above 0 and at most {StoreRules.MaxServiceRadiusKm} km.", "INVALID_RADIUS"));
        return radiusKm;
    }

    /// <summary>Tags are trimmed and lower-cased, then must look like slugs (2–30 characters) and be distinct.</summary>
    public static List<string> Categories(IEnumerable<string> raw, List<FieldViolation> violations)
    {
        var categories = raw.Select(c => c.Trim().ToLowerInvariant()).ToList();
        if (categories.Count > StoreRules.MaxCategories)
        {
            violations.Add(new FieldViolation("categories", $"Choose at most {StoreRules.MaxCategories} categories.", "TOO_MANY_CATEGORIES"));
            return categories;
        }

        for (var i = 0; i < categories.Count; i++)
        {
            var tag = categories[i];
            if (tag.Length < StoreRules.MinCategoryLength || tag.Length > StoreRules.MaxCategoryLength || !SlugForm().IsMatch(tag))
                violations.Add(new FieldViolation($"categories.{i}", $"Use {StoreRules.MinCategoryLength} to {StoreRules.MaxCategoryLength} lower-case letters, digits and single hyphens.", "INVALID_CATEGORY"));
            else if (categories.IndexOf(tag) < i)
                violations.Add(new FieldViolation($"categories.{i}", "This category is listed twice.", "DUPLICATE_CATEGORY"));
        }

        return categories;
    }

    /// <summary>
    /// Intervals per weekday, "HH:mm" (24-hour; "24:00" only as a closing time), opens before closes, none overlapping
    /// another of the same day (touching is fine: 09:00–12:00 and 12:00–17:00), at most 28. Kept sorted by day and time.
    /// </summary>
    public static List<OpeningInterval> OpeningHours(IEnumerable<OpeningIntervalMessage> raw, List<FieldViolation> violations)
    {
        var given = raw.ToList();
        if (given.Count > StoreRules.MaxOpeningIntervals)
        {
            violations.Add(new FieldViolation("openingHours", $"Give at most {StoreRules.MaxOpeningIntervals} intervals.", "TOO_MANY_INTERVALS"));
            return [];
        }

        var parsed = new List<(int Index, int Day, int Opens, int Closes, OpeningInterval Interval)>();
        for (var i = 0; i < given.Count; i++)
        {
            var day = Array.IndexOf(Weekdays, given[i].Day.Trim().ToUpperInvariant());
            var opens = Minutes(given[i].Opens, allowMidnightEnd: false);
            var closes = Minutes(given[i].Closes, allowMidnightEnd: true);
            var ok = true;
            if (day < 0)
            {
                violations.Add(new FieldViolation($"openingHours.{i}.day", "Use MONDAY to SUNDAY.", "INVALID_DAY"));
                ok = false;
            }

            if (opens is null)
            {
                violations.Add(new FieldViolation($"openingHours.{i}.opens", "Use a 24-hour time HH:mm, e.g. 09:00.", "INVALID_TIME"));
                ok = false;
            }

            if (closes is null)
            {
                violations.Add(new FieldViolation($"openingHours.{i}.closes", "Use a 24-hour time HH:mm, e.g. 17:30 (24:00 for midnight).", "INVALID_TIME"));
                ok = false;
            }

            if (!ok)
                continue;
            if (opens >= closes)
            {
                violations.Add(new FieldViolation($"openingHours.{i}", "An interval opens before it closes, within one day.", "INVALID_INTERVAL"));
                continue;
            }

            parsed.Add((i, day, opens!.Value, closes!.Value, new OpeningInterval(Weekdays[day], Format(opens.Value), Format(closes.Value))));
        }

        var sorted = parsed.OrderBy(p => p.Day).ThenBy(p => p.Opens).ThenBy(p => p.Index).ToList();
        for (var k = 1; k < sorted.Count; k++)
        {
            if (sorted[k].Day == sorted[k - 1].Day && sorted[k].Opens < sorted[k - 1].Closes)
                violations.Add(new FieldViolation($"openingHours.{Math.Max(sorted[k].Index, sorted[k - 1].Index)}", "This interval overlaps another one of the same day.", "OVERLAPPING_HOURS"));
        }

        return sorted.Select(p => p.Interval).ToList();
    }

    /// <summary>An asset id or an HTTPS URL (<see cref="MediaReference"/>); empty means none (null).</summary>
    public static string? Media(string raw, string field, List<FieldViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        if (MediaReference.TryParse(raw, out var reference, out var error))
            return reference.Value;
        violations.Add(new FieldViolation(field, "Give a Media asset id or an https:// URL.", error ?? "INVALID_MEDIA_REFERENCE"));
        return null;
    }

    public static string SuspensionReason(string raw, List<FieldViolation> violations)
    {
        var reason = raw.Trim();
        if (reason.Length == 0)
            violations.Add(new FieldViolation("reason", "Say why the store is suspended.", "REQUIRED"));
        else if (reason.Length > StoreRules.MaxSuspensionReasonLength)
            violations.Add(new FieldViolation("reason", $"Use at most {StoreRules.MaxSuspensionReasonLength} characters.", "TOO_LONG"));
        return reason;
    }

    public static void ThrowIfAny(List<FieldViolation> violations, string message)
    {
        if (violations.Count > 0)
            throw ContractError.InvalidArgument("INVALID_INPUT", message, violations);
    }

    private static int? Minutes(string text, bool allowMidnightEnd)
    {
        text = text.Trim();
        if (text.Length != 5 || text[2] != ':'
            || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
            return null;
        if (allowMidnightEnd && hours == 24 && minutes == 0)
            return 24 * 60;
        return hours is >= 0 and < 24 && minutes is >= 0 and < 60 ? (hours * 60) + minutes : null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugForm();

    private static string Format(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}
