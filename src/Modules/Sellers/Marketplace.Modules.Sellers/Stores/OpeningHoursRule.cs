using System.Globalization;
using FluentValidation;
using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Domain;

namespace Marketplace.Modules.Sellers.Stores;

/// <summary>An opening interval as the request gives it (day and times as text, not yet validated).</summary>
internal sealed record OpeningIntervalInput(string Day, string Opens, string Closes);

/// <summary>
/// Opening hours: intervals per weekday, "HH:mm" (24-hour; "24:00" only as a closing time), opens before closes, none
/// overlapping another of the same day (touching is fine: 09:00–12:00 and 12:00–17:00), at most 28; kept sorted by day
/// and time. One parser serves the validator (which reports each bad interval by index) and the handler (which stores
/// the normalised intervals).
/// </summary>
internal static class OpeningHoursRule
{
    public static readonly string[] Weekdays = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];

    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<OpeningIntervalInput>> OpeningHours<T>(this IRuleBuilder<T, IReadOnlyList<OpeningIntervalInput>> rule) =>
        rule.Custom((intervals, context) =>
        {
            foreach (var (index, code, message) in Check(intervals).Problems)
            {
                var path = index is { } i ? $"{context.PropertyPath}.{i.Index}{(i.Part is null ? "" : "." + i.Part)}" : context.PropertyPath;
                context.AddFailure(StoreFieldRules.Failure(path, code, message));
            }
        });

    /// <summary>The normalised, sorted intervals of input that passed validation.</summary>
    public static List<OpeningInterval> Normalise(IReadOnlyList<OpeningIntervalInput> intervals) => Check(intervals).Intervals;

    private static (List<OpeningInterval> Intervals, List<((int Index, string? Part)? At, string Code, string Message)> Problems) Check(IReadOnlyList<OpeningIntervalInput> given)
    {
        var problems = new List<((int Index, string? Part)? At, string Code, string Message)>();
        if (given.Count > StoreRules.MaxOpeningIntervals)
        {
            problems.Add((null, SellersErrorCodes.TooManyIntervals, $"Give at most {StoreRules.MaxOpeningIntervals} intervals."));
            return ([], problems);
        }

        var parsed = new List<(int Index, int Day, int Opens, int Closes)>();
        for (var i = 0; i < given.Count; i++)
        {
            var day = Array.IndexOf(Weekdays, given[i].Day.Trim().ToUpperInvariant());
            var opens = Minutes(given[i].Opens, allowMidnightEnd: false);
            var closes = Minutes(given[i].Closes, allowMidnightEnd: true);
            if (day < 0)
                problems.Add(((i, "day"), SellersErrorCodes.InvalidDay, "Use MONDAY to SUNDAY."));
            if (opens is null)
                problems.Add(((i, "opens"), SellersErrorCodes.InvalidTime, "Use a 24-hour time HH:mm, e.g. 09:00."));
            if (closes is null)
                problems.Add(((i, "closes"), SellersErrorCodes.InvalidTime, "Use a 24-hour time HH:mm, e.g. 17:30 (24:00 for midnight)."));
            if (day < 0 || opens is null || closes is null)
                continue;
            if (opens >= closes)
            {
                problems.Add(((i, null), SellersErrorCodes.InvalidInterval, "An interval opens before it closes, within one day."));
                continue;
            }

            parsed.Add((i, day, opens.Value, closes.Value));
        }

        var sorted = parsed.OrderBy(p => p.Day).ThenBy(p => p.Opens).ThenBy(p => p.Index).ToList();
        for (var k = 1; k < sorted.Count; k++)
        {
            if (sorted[k].Day == sorted[k - 1].Day && sorted[k].Opens < sorted[k - 1].Closes)
                problems.Add(((Math.Max(sorted[k].Index, sorted[k - 1].Index), null), SellersErrorCodes.OverlappingHours, "This interval overlaps another one of the same day."));
        }

        return (sorted.Select(p => new OpeningInterval(Weekdays[p.Day], Format(p.Opens), Format(p.Closes))).ToList(), problems);
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

    private static string Format(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}
