using Serverless.Domain.Events;
using Serverless.Domain.Models;
using Serverless.Infrastructure.Training;
using Xunit;

namespace Serverless.Infrastructure.Tests.ModelRegistry;

public sealed class InteractionSnapshotFormatTests
{
    private static readonly DateTimeOffset Hour = new(2025, 5, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_snapshot_survives_the_round_trip_exactly()
    {
        var snapshot = Sample();

        var read = InteractionSnapshotFormat.Read(InteractionSnapshotFormat.Write(snapshot));

        Assert.Equal(snapshot.MergedAt, read.MergedAt);
        Assert.Equal(snapshot.Hours.Keys.Order(), read.Hours.Keys.Order());
        foreach (var (hour, expected) in snapshot.Hours)
        {
            var actual = read.Hours[hour];
            Assert.Equal(expected.SourceLastModified, actual.SourceLastModified);
            Assert.Equal(expected.Interactions, actual.Interactions);
        }
    }

    [Fact]
    public void Times_given_with_an_offset_come_back_as_the_same_instant_in_utc()
    {
        var local = new DateTimeOffset(2025, 5, 4, 12, 30, 0, TimeSpan.FromHours(2));
        var snapshot = new InteractionSnapshot
        {
            Hours = new Dictionary<DateTimeOffset, SnapshotHour>
            {
                [Hour] = new(Hour, Hour, [new SnapshotInteraction("u", "p", BehaviorEventType.View, local, 1, 1, null)]),
            },
        };

        var read = InteractionSnapshotFormat.Read(InteractionSnapshotFormat.Write(snapshot));

        var at = Assert.Single(read.Hours[Hour].Interactions).At;
        Assert.Equal(local, at);
        Assert.Equal(TimeSpan.Zero, at.Offset);
    }

    [Fact]
    public void An_empty_snapshot_round_trips_and_repeated_ids_are_stored_once()
    {
        var empty = InteractionSnapshotFormat.Read(InteractionSnapshotFormat.Write(InteractionSnapshot.Empty));
        var many = new InteractionSnapshot
        {
            Hours = new Dictionary<DateTimeOffset, SnapshotHour>
            {
                [Hour] = new(Hour, Hour, Enumerable.Range(0, 2000)
                    .Select(i => new SnapshotInteraction("a-rather-long-user-identifier", "a-rather-long-product-identifier", BehaviorEventType.View, Hour.AddSeconds(i % 3600), 1, 1, "Kitchen"))
                    .ToList()),
            },
        };

        Assert.Null(empty.MergedAt);
        Assert.Empty(empty.Hours);

        // 2,000 interactions of the same pair: the ids are in the string table once, so the file stays small.
        Assert.True(InteractionSnapshotFormat.Write(many).Length < 20_000);
    }

    [Fact]
    public void Foreign_bytes_and_unknown_format_versions_are_refused_with_a_reason()
    {
        var bytes = InteractionSnapshotFormat.Write(Sample());
        var future = bytes.ToArray();
        future[4] = 99;

        Assert.Contains("signature", Assert.Throws<InvalidDataException>(() => InteractionSnapshotFormat.Read("not a snapshot"u8.ToArray())).Message);
        Assert.Contains("version 99", Assert.Throws<InvalidDataException>(() => InteractionSnapshotFormat.Read(future)).Message);
        Assert.Throws<InvalidDataException>(() => InteractionSnapshotFormat.Read(bytes.AsMemory(0, bytes.Length / 2)));
    }

    internal static InteractionSnapshot Sample() => new()
    {
        MergedAt = Hour.AddHours(5),
        Hours = new Dictionary<DateTimeOffset, SnapshotHour>
        {
            [Hour] = new(Hour, Hour.AddMinutes(59), [
                new SnapshotInteraction("u1", "p1", BehaviorEventType.View, Hour.AddMinutes(3), 2, 2, "Kitchen"),
                new SnapshotInteraction("u1", "p2", BehaviorEventType.Purchase, Hour.AddMinutes(4).AddTicks(7), 6, 1, null),
                new SnapshotInteraction("u2", "p1", BehaviorEventType.Review, Hour.AddMinutes(50), 4, 1, "Kitchen"),
            ]),
            [Hour.AddHours(1)] = new(Hour.AddHours(1), Hour.AddHours(3), [
                new SnapshotInteraction("u3", "p3", BehaviorEventType.AddToCart, Hour.AddHours(1), 1.5, 1, "Garden"),
            ]),
        },
    };
}
