using Marketplace.Modules.Ordering.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Modules.Ordering.Persistence;

internal sealed class CartConfiguration : IEntityTypeConfiguration<Cart>
{
    public void Configure(EntityTypeBuilder<Cart> builder)
    {
        builder.ToTable("carts", table =>
        {
            table.HasCheckConstraint("ck_carts_status", $"status IN ('{CartStatus.Open}', '{CartStatus.CheckedOut}')");
            table.HasCheckConstraint("ck_carts_currency", "currency_code IS NULL OR length(currency_code) = 3");
        });
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Status).HasMaxLength(16);
        builder.Property(c => c.CurrencyCode).HasMaxLength(3);
        // One open cart per buyer, whatever races: two first adds at once cannot both create one.
        builder.HasIndex(c => c.BuyerId).IsUnique().HasFilter($"status = '{CartStatus.Open}'").HasDatabaseName("ux_carts_open_buyer");
        builder.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CartId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CartLineConfiguration : IEntityTypeConfiguration<CartLine>
{
    public void Configure(EntityTypeBuilder<CartLine> builder)
    {
        builder.ToTable("cart_lines", table =>
            table.HasCheckConstraint("ck_cart_lines_quantity", $"quantity BETWEEN 1 AND {OrderingRules.MaxQuantity}"));
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasIndex(l => new { l.CartId, l.VariantId }).IsUnique();
    }
}
