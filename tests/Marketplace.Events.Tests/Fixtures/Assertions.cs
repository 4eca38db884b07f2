using Microsoft.EntityFrameworkCore;

namespace Marketplace.Events.Tests.Fixtures;

internal static class Handled
{
    /// <summary>How many receipts the Mailer handler committed per order number.</summary>
    public static Task<Dictionary<int, int>> ReceiptsAsync(EventsHost host) =>
        host.QueryAsync<MailerDbContext, Dictionary<int, int>>(db => db.Receipts.GroupBy(r => r.Number).ToDictionaryAsync(g => g.Key, g => g.Count()));

    public static Task<Dictionary<int, int>> LedgerAsync(EventsHost host) =>
        host.QueryAsync<LedgerDbContext, Dictionary<int, int>>(db => db.Entries.GroupBy(r => r.Number).ToDictionaryAsync(g => g.Key, g => g.Count()));

    public static Task<Dictionary<int, int>> JobsAsync(EventsHost host) =>
        host.QueryAsync<MailerDbContext, Dictionary<int, int>>(db => db.SentReceipts.GroupBy(r => r.Number).ToDictionaryAsync(g => g.Key, g => g.Count()));
}
