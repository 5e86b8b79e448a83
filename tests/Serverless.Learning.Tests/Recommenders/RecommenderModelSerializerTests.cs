using System.Text;
using Serverless.Learning.Recommenders;
using Xunit;

namespace Serverless.Learning.Tests.Recommenders;

public sealed class RecommenderModelSerializerTests
{
    /// <summary>
    /// A version-1 popularity model assembled by hand from the documented layout, committed as bytes: signature "SLRM",
    /// version 1, kind "popularity", items ["x", "y"], scores [2, 1]. Version 1 had no parameters and no checksum.
    /// </summary>
    private static readonly byte[] VersionOnePopularity = Convert.FromHexString(
        "534C524D" + "01000000" + "0A706F70756C6172697479" + "02000000" + "0178" + "0179" + "00000040" + "0000803F");

    public static TheoryData<string> Kinds => ["popularity", "item-knn-cosine", "item-knn-bm25", "als", "ease", "blend"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Round_trips_every_model_kind_with_identical_scores(string kind)
    {
        var data = TestInteractions.TwoGroups();
        var model = Train(kind, data);

        var loaded = RoundTrip(model);

        Assert.Equal(model.GetType(), loaded.GetType());
        Assert.Equal(model.Kind, loaded.Kind);
        Assert.Equal(model.Items, loaded.Items);
        Assert.Equal(model.Parameters, loaded.Parameters);
        foreach (var history in new[] { TestInteractions.History("a1", "b2"), TestInteractions.History("hit"), [] })
        {
            Assert.Equal(model.Recommend(history, 20), loaded.Recommend(history, 20));
        }

        Assert.Equal(model.Similar("a2", 5), loaded.Similar("a2", 5));
    }

    [Fact]
    public void Loads_the_committed_version_one_fixture()
    {
        var model = (PopularityModel)RecommenderModelSerializer.Load(new MemoryStream(VersionOnePopularity));

        Assert.Equal(["x", "y"], model.Items);
        Assert.Empty(model.Parameters);
        Assert.Equal(2.0, model.Popularity("x"));
        Assert.Equal(["x", "y"], model.Recommend([], 5).Select(s => s.ItemId));
    }

    [Fact]
    public void Loads_a_version_one_item_knn_model_written_by_the_frozen_writer()
    {
        var current = (ItemKnnModel)new ItemKnnTrainer().Fit(TestInteractions.TwoGroups());
        var bytes = FrozenVersionOneWriter.ItemKnn(current);

        var loaded = (ItemKnnModel)RecommenderModelSerializer.Load(new MemoryStream(bytes));

        Assert.Empty(loaded.Parameters);
        Assert.Equal(current.Similarity("a1", "a2"), loaded.Similarity("a1", "a2"));
        Assert.Equal(current.Recommend(TestInteractions.History("b1"), 5), loaded.Recommend(TestInteractions.History("b1"), 5));
    }

    [Fact]
    public void Writes_the_signature_and_the_current_version()
    {
        var stream = new MemoryStream();
        RecommenderModelSerializer.Save(new TimeDecayedPopularityTrainer().Fit(TestInteractions.TwoGroups()), stream);
        var bytes = stream.ToArray();

        Assert.Equal("SLRM"u8.ToArray(), bytes[..4]);
        Assert.Equal(RecommenderModelSerializer.CurrentVersion, BitConverter.ToInt32(bytes, 4));
        Assert.Equal(2, RecommenderModelSerializer.CurrentVersion);
    }

    [Fact]
    public void A_flipped_byte_fails_the_checksum()
    {
        var bytes = Save(new ItemKnnTrainer().Fit(TestInteractions.TwoGroups()));
        bytes[^6] ^= 0x40; // inside the last similarity: structurally still valid, so only the checksum can tell

        var error = Assert.Throws<InvalidDataException>(() => RecommenderModelSerializer.Load(new MemoryStream(bytes)));

        Assert.Contains("checksum", error.Message);
    }

    [Fact]
    public void Rejects_foreign_truncated_and_future_files()
    {
        var bytes = Save(new TimeDecayedPopularityTrainer().Fit(TestInteractions.TwoGroups()));

        Assert.Contains(
            "signature",
            Assert.Throws<InvalidDataException>(() => RecommenderModelSerializer.Load(new MemoryStream("PK\u0003\u0004rest"u8.ToArray()))).Message);
        Assert.Throws<InvalidDataException>(() => RecommenderModelSerializer.Load(new MemoryStream(bytes[..(bytes.Length - 9)])));
        var future = (byte[])bytes.Clone();
        BitConverter.GetBytes(99).CopyTo(future, 4);
        Assert.Contains("version 99", Assert.Throws<InvalidDataException>(() => RecommenderModelSerializer.Load(new MemoryStream(future))).Message);
    }

    private static RecommenderModel Train(string kind, List<Interaction> data) => kind switch
    {
        "popularity" => new TimeDecayedPopularityTrainer().Fit(data),
        "item-knn-cosine" => new ItemKnnTrainer().Fit(data),
        "item-knn-bm25" => new ItemKnnTrainer(new() { Similarity = ItemSimilarity.Bm25 }).Fit(data),
        "als" => new ImplicitAlsTrainer(new() { Factors = 3, Iterations = 3 }).Fit(data),
        "ease" => new EaseTrainer(new() { Regularization = 5 }).Fit(data),
        "blend" => new BlendModel(
            [new ItemKnnTrainer().Fit(data), new ImplicitAlsTrainer(new() { Factors = 3, Iterations = 3 }).Fit(data), new TimeDecayedPopularityTrainer().Fit(data)],
            [0.5f, 0.3f, 0.2f],
            new Dictionary<string, string> { ["Weight"] = "chosen by hand" }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static byte[] Save(RecommenderModel model)
    {
        var stream = new MemoryStream();
        RecommenderModelSerializer.Save(model, stream);
        return stream.ToArray();
    }

    private static RecommenderModel RoundTrip(RecommenderModel model) => RecommenderModelSerializer.Load(new MemoryStream(Save(model)));

    /// <summary>The version-1 layout, frozen here as it was first written: no parameters, no checksum.</summary>
    private static class FrozenVersionOneWriter
    {
        public static byte[] ItemKnn(ItemKnnModel model)
        {
            var stream = new MemoryStream();
            using var writer = new BinaryWriter(stream, Encoding.UTF8);
            writer.Write("SLRM"u8);
            writer.Write(1);
            writer.Write("item-knn");
            writer.Write(model.Items.Count);
            foreach (var item in model.Items)
            {
                writer.Write(item);
            }

            // Rebuild the neighbour rows through the public similarity lookup, ascending item index per row.
            var rows = model.Items.Select(from => model.Items
                .Select((to, index) => (index, similarity: (float)model.Similarity(from, to)))
                .Where(entry => entry.similarity != 0)
                .ToArray()).ToArray();
            var offset = 0;
            writer.Write(offset);
            foreach (var row in rows)
            {
                offset += row.Length;
                writer.Write(offset);
            }

            foreach (var entry in rows.SelectMany(r => r))
            {
                writer.Write(entry.index);
            }

            foreach (var entry in rows.SelectMany(r => r))
            {
                writer.Write(entry.similarity);
            }

            writer.Flush();
            return stream.ToArray();
        }
    }
}
