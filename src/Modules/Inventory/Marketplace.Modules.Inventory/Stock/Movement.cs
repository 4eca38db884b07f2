using Marketplace.Modules.Inventory.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Modules.Inventory.Stock;

/// <summary>Who changes stock: the seller (a user), a module (checkout, orders) or the system (the sweeper).</summary>
internal sealed record Actor(string Kind, string? Id)
{
    public static readonly Actor System = new(ActorKind.System, null);

    public static Actor User(Guid userId) => new(ActorKind.User, userId.ToString());

    public static Actor Service(string module) => new(ActorKind.Service, module);
}

/// <summary>A movement to append; its deltas are exactly what the statement beside it does to the counters.</summary>
internal sealed record Movement(
    Guid VariantId,
    string Kind,
    int Quantity,
    int OnHandDelta,
    int ReservedDelta,
    int AllocatedDelta,
    string? Reason,
    string? Note,
    string? Reference,
    Actor Actor)
{
    public static Movement Reserved(Guid variantId, int quantity, string holder, Actor actor) =>
        new(variantId, MovementKind.Reserved, quantity, 0, quantity, 0, null, null, holder, actor);

    public static Movement Released(Guid variantId, int quantity, string holder, Actor actor, bool expired) =>
        new(variantId, expired ? MovementKind.Expired : MovementKind.Released, quantity, 0, -quantity, 0, null, null, holder, actor);

    /// <summary>All <paramref name="movements"/> in one INSERT (one round trip).</summary>
    public static NpgsqlBatchCommand Insert(IReadOnlyList<Movement> movements, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO inventory.stock_movements
                (variant_id, kind, quantity, on_hand_delta, reserved_delta, allocated_delta, reason, note, reference, actor_kind, actor_id, occurred_at)
            SELECT m.variant_id, m.kind, m.quantity, m.on_hand_delta, m.reserved_delta, m.allocated_delta, m.reason, m.note, m.reference, m.actor_kind, m.actor_id, $12
            FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
                AS m(variant_id, kind, quantity, on_hand_delta, reserved_delta, allocated_delta, reason, note, reference, actor_kind, actor_id)
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter { Value = movements.Select(m => m.VariantId).ToArray() });
        p.Add(new NpgsqlParameter { Value = movements.Select(m => m.Kind).ToArray() });
        p.Add(new NpgsqlParameter { Value = movements.Select(m => m.Quantity).ToArray() });
        p.Add(new NpgsqlParameter { Value = movements.Select(m => m.OnHandDelta).ToArray() });
        p.Add(new NpgsqlParameter { Value = movements.Select(m => m.ReservedDelta).ToArray() });
        p.Add(new NpgsqlParameter { Value = movements.Select(m => m.AllocatedDelta).ToArray() });
        p.Add(Texts(movements.Select(m => m.Reason)));
        p.Add(Texts(movements.Select(m => m.Note)));
        p.Add(Texts(movements.Select(m => m.Reference)));
        p.Add(Texts(movements.Select(m => (string?)m.Actor.Kind)));
        p.Add(Texts(movements.Select(m => m.Actor.Id)));
        p.Add(new NpgsqlParameter { Value = now });
        return command;
    }

    private static NpgsqlParameter Texts(IEnumerable<string?> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };
}
