using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Commerce;

namespace RedMvc.Domain.Data;

public class ShopConfiguration : IEntityTypeConfiguration<Shop>
{
    public void Configure(EntityTypeBuilder<Shop> shop)
    {
        shop.Property(s => s.OwnerId).HasMaxLength(450).IsRequired();
        shop.Property(s => s.Handle).HasMaxLength(AppUser.HandleMaxLength).IsRequired();
        shop.Property(s => s.Name).HasMaxLength(Shop.NameMaxLength * 4).IsRequired();
        shop.Property(s => s.Description).HasMaxLength(Shop.DescriptionMaxLength * 4);
        shop.Property(s => s.LogoKey).HasMaxLength(100);
        shop.Property(s => s.SuspensionReason).HasMaxLength(2000);
        shop.HasIndex(s => s.Handle).IsUnique();
        shop.HasIndex(s => s.OwnerId).IsUnique();
        // Shops outlive nothing: a brand account with orders is closed by staff, not deleted (no cascade).
        shop.HasOne<AppUser>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.NoAction);
    }
}

public class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        // The staff queue of posts held by screening (decision 0036).
        product.HasIndex(x => x.HeldAt);
        product.Property(p => p.Title).HasMaxLength(Product.TitleMaxLength * 4).IsRequired();
        product.Property(p => p.Description).HasMaxLength(Product.DescriptionMaxLength * 4).IsRequired();
        product.Property(p => p.Category).HasMaxLength(20).IsRequired();
        product.Property(p => p.TakedownReason).HasMaxLength(2000);
        product.HasOne<Shop>().WithMany().HasForeignKey(p => p.ShopId).OnDelete(DeleteBehavior.Cascade);
        product.HasMany(p => p.Variants).WithOne().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        product.HasMany(p => p.Photos).WithOne().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
        product.Navigation(p => p.Variants).UsePropertyAccessMode(PropertyAccessMode.Field);
        product.Navigation(p => p.Photos).UsePropertyAccessMode(PropertyAccessMode.Field);
        product.HasIndex(p => new { p.ShopId, p.Status, p.Id });
        product.HasIndex(p => new { p.Status, p.Title });
    }
}

public class ProductVariantConfiguration : IEntityTypeConfiguration<ProductVariant>
{
    public void Configure(EntityTypeBuilder<ProductVariant> variant)
    {
        variant.Property(v => v.Name).HasMaxLength(ProductVariant.NameMaxLength * 4).IsRequired();
        // Stock only ever changes by conditional UPDATE (ShopStock); EF must not write a stale value back.
        variant.Property(v => v.Stock).Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        variant.ToTable(t => t.HasCheckConstraint("CK_ProductVariants_Stock", "Stock >= 0"));
        variant.HasIndex(v => new { v.ProductId, v.Id });
    }
}

public class ProductPhotoConfiguration : IEntityTypeConfiguration<ProductPhoto>
{
    public void Configure(EntityTypeBuilder<ProductPhoto> photo)
    {
        photo.Property(p => p.OriginalKey).HasMaxLength(200).IsRequired();
        photo.Property(p => p.DominantColor).HasMaxLength(7);
        photo.Property(p => p.ContentHash).HasMaxLength(64);
        photo.Property(p => p.Widths).HasMaxLength(40);
        photo.HasIndex(p => new { p.ProductId, p.Position });
    }
}

public class StockAdjustmentConfiguration : IEntityTypeConfiguration<StockAdjustment>
{
    public void Configure(EntityTypeBuilder<StockAdjustment> adjustment)
    {
        adjustment.Property(a => a.Reason).HasMaxLength(StockAdjustment.ReasonMaxLength * 4).IsRequired();
        adjustment.Property(a => a.ByUserId).HasMaxLength(450).IsRequired();
        adjustment.HasOne<ProductVariant>().WithMany().HasForeignKey(a => a.VariantId).OnDelete(DeleteBehavior.Cascade);
        adjustment.HasIndex(a => new { a.VariantId, a.Id });
    }
}

public class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.Property(o => o.Number).HasMaxLength(30).IsRequired();
        order.Property(o => o.BuyerId).HasMaxLength(450).IsRequired();
        order.Property(o => o.IdempotencyKey).HasMaxLength(100).IsRequired();
        order.Property(o => o.PaymentReference).HasMaxLength(100);
        order.Property(o => o.Carrier).HasMaxLength(40);
        order.Property(o => o.TrackingNumber).HasMaxLength(60);
        order.Property(o => o.ReturnReason).HasMaxLength(Order.ReasonMaxLength * 4);
        order.Property(o => o.Version).IsConcurrencyToken();
        order.Ignore(o => o.TotalFen);
        order.OwnsOne(o => o.Address, address =>
        {
            address.Property(a => a.Name).HasMaxLength(80).IsRequired();
            address.Property(a => a.Phone).HasMaxLength(20).IsRequired();
            address.Property(a => a.Province).HasMaxLength(80).IsRequired();
            address.Property(a => a.City).HasMaxLength(80).IsRequired();
            address.Property(a => a.District).HasMaxLength(80).IsRequired();
            address.Property(a => a.Line).HasMaxLength(400).IsRequired();
        });
        order.HasOne<AppUser>().WithMany().HasForeignKey(o => o.BuyerId).OnDelete(DeleteBehavior.NoAction);
        order.HasOne<Shop>().WithMany().HasForeignKey(o => o.ShopId).OnDelete(DeleteBehavior.NoAction);
        order.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        order.HasMany(o => o.Timeline).WithOne().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        order.Navigation(o => o.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);
        order.HasIndex(o => new { o.BuyerId, o.IdempotencyKey }).IsUnique();
        order.HasIndex(o => new { o.BuyerId, o.Id });
        order.HasIndex(o => new { o.ShopId, o.Status, o.Id });
        order.HasIndex(o => new { o.Status, o.PlacedAt });
        order.HasIndex(o => o.PaymentReference);
    }
}

public class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> line)
    {
        line.Property(l => l.Title).HasMaxLength(Product.TitleMaxLength * 4).IsRequired();
        line.Property(l => l.VariantName).HasMaxLength(ProductVariant.NameMaxLength * 4).IsRequired();
        line.Property(l => l.CreatorId).HasMaxLength(450);
        line.Ignore(l => l.LineTotalFen);
        // Lines keep their copies of title and price: no foreign keys to products, notes or creators,
        // so archiving a product or deleting a note never touches an order.
        line.HasIndex(l => new { l.ProductId, l.OrderId });
        line.HasIndex(l => l.CreatorId);
        line.HasIndex(l => l.ReviewNoteId);
    }
}

public class OrderEventConfiguration : IEntityTypeConfiguration<OrderEvent>
{
    public void Configure(EntityTypeBuilder<OrderEvent> orderEvent)
    {
        orderEvent.Property(e => e.ByUserId).HasMaxLength(450);
        orderEvent.Property(e => e.Note).HasMaxLength(Order.ReasonMaxLength * 4);
        orderEvent.HasIndex(e => new { e.OrderId, e.Id });
    }
}

public class CartItemConfiguration : IEntityTypeConfiguration<CartItem>
{
    public void Configure(EntityTypeBuilder<CartItem> item)
    {
        item.HasKey(i => new { i.UserId, i.VariantId });
        item.Property(i => i.UserId).HasMaxLength(450);
        item.HasOne<AppUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        item.HasOne<ProductVariant>().WithMany().HasForeignKey(i => i.VariantId).OnDelete(DeleteBehavior.NoAction);
    }
}

public class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> address)
    {
        address.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        address.Property(a => a.Name).HasMaxLength(80).IsRequired();
        address.Property(a => a.Phone).HasMaxLength(20).IsRequired();
        address.Property(a => a.Province).HasMaxLength(80).IsRequired();
        address.Property(a => a.City).HasMaxLength(80).IsRequired();
        address.Property(a => a.District).HasMaxLength(80).IsRequired();
        address.Property(a => a.Line).HasMaxLength(400).IsRequired();
        address.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        address.HasIndex(a => a.UserId);
    }
}

public class NoteProductConfiguration : IEntityTypeConfiguration<NoteProduct>
{
    public void Configure(EntityTypeBuilder<NoteProduct> noteProduct)
    {
        noteProduct.HasKey(n => new { n.NoteId, n.ProductId });
        noteProduct.HasOne<Note>().WithMany().HasForeignKey(n => n.NoteId).OnDelete(DeleteBehavior.Cascade);
        noteProduct.HasOne<Product>().WithMany().HasForeignKey(n => n.ProductId).OnDelete(DeleteBehavior.NoAction);
        noteProduct.HasIndex(n => new { n.ProductId, n.NoteId });
    }
}

public class ProductPinConfiguration : IEntityTypeConfiguration<ProductPin>
{
    public void Configure(EntityTypeBuilder<ProductPin> pin)
    {
        pin.HasOne<NotePhoto>().WithMany().HasForeignKey(p => p.NotePhotoId).OnDelete(DeleteBehavior.Cascade);
        pin.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.NoAction);
        pin.HasIndex(p => p.NotePhotoId);
        pin.HasIndex(p => p.ProductId);
    }
}

public class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> payment)
    {
        payment.Property(p => p.Reference).HasMaxLength(100).IsRequired();
        payment.Property(p => p.BuyerId).HasMaxLength(450).IsRequired();
        payment.Property(p => p.CheckoutKey).HasMaxLength(100).IsRequired();
        payment.HasIndex(p => p.Reference).IsUnique();
        payment.HasIndex(p => new { p.BuyerId, p.CheckoutKey }).IsUnique();
        payment.HasOne<AppUser>().WithMany().HasForeignKey(p => p.BuyerId).OnDelete(DeleteBehavior.NoAction);
    }
}
