using GraphQL.Types;

namespace Marketplace.Gateway.Sellers;

internal sealed class LedgerEntryStatusType : EnumerationGraphType
{
    public LedgerEntryStatusType()
    {
        Name = "LedgerEntryStatus";
        Description = "Whether a ledger entry counts in the available balance yet.";
        Add("PENDING", "PENDING", "Its order has not completed, or the hold period after completion has not passed.");
        Add("AVAILABLE", "AVAILABLE", "Counts in the available balance (paid out by the next run).");
    }
}
