using Serverless.Learning.Classification;
using Serverless.Testing;
using Xunit;

namespace Serverless.Learning.Tests.Classification;

public sealed class IntentClassifierTests
{
    private static readonly string FixturePath =
        Path.Combine(RepositoryRoot.Path, "tests", "Serverless.Learning.Tests", "Classification", "Fixtures", "intent-model-v1.bin");

    [Fact]
    public void Classifies_the_shipped_chinese_set()
    {
        var data = TextSamples.ChineseIntents();
        var (train, test) = StratifiedSampling.Split(data.Select(d => d.Label).ToList(), 0.2, 42);

        var model = new IntentClassifierTrainer().Fit(train.Select(i => data[i]).ToList());
        var accuracy = ClassificationMetrics.Accuracy(
            test.Select(i => data[i].Label).ToList(), test.Select(i => model.Predict(data[i].Text).Label).ToList());

        Assert.Equal(27, model.Labels.Count);
        Assert.True(accuracy >= 0.65, $"accuracy {accuracy:F3}"); // 0.713 measured; chance is 1/27
        Assert.Equal("track_order", model.Predict("我的包裹到哪里了").Label);
        Assert.Equal("get_refund", model.Predict("我要退钱").Label);
        Assert.Equal("change_shipping_address", model.Predict("怎么修改收货地址").Label);
    }

    [Fact]
    public void Round_trip_keeps_every_prediction()
    {
        var data = TextSamples.ChineseIntents();
        var model = new IntentClassifierTrainer(new IntentClassifierTrainer.Options
        {
            Features = new() { HashBits = 16 },
            Regression = new() { MaximumIterations = 20 },
            RefitOnAllData = false,
        }).Fit(data);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = IntentClassifierModel.Load(stream);

        Assert.Equal(model.Labels, loaded.Labels);
        Assert.Equal(model.Temperature, loaded.Temperature);
        Assert.Equal(model.OutOfScopeThreshold, loaded.OutOfScopeThreshold);
        foreach (var text in data.Take(60).Select(d => d.Text).Append("where is my order"))
        {
            Assert.Equal(model.Probabilities(text), loaded.Probabilities(text));
        }
    }

    [Fact]
    public void Reads_the_frozen_version_1_file()
    {
        // Saved by the first format (version 1) from 15 English and Chinese utterances of three intents, hash bits 10.
        using var stream = File.OpenRead(FixturePath);
        var model = IntentClassifierModel.Load(stream);

        Assert.Equal(["cancel_order", "get_refund", "track_order"], model.Labels);
        Assert.Equal(14.35210217963412, model.Temperature, 9);
        Assert.Equal(0.3366338312625885, model.OutOfScopeThreshold, 9);
        (string Text, string Label, double Confidence)[] expected =
        [
            ("where is my parcel", "track_order", 0.42306676506996155),
            ("退款", "get_refund", 0.38205811381340027),
            ("please cancel it", "cancel_order", 0.3572881817817688),
        ];
        foreach (var (text, label, confidence) in expected)
        {
            var prediction = model.Predict(text);
            Assert.Equal(label, prediction.Label);
            Assert.Equal(confidence, prediction.Confidence, 6);
            Assert.False(prediction.IsOutOfScope);
        }
    }

    [Fact]
    public void Rejects_other_files_and_future_versions()
    {
        var bytes = File.ReadAllBytes(FixturePath);
        var wrongSignature = bytes.ToArray();
        wrongSignature[0] = (byte)'X';
        var futureVersion = bytes.ToArray();
        BitConverter.GetBytes(IntentClassifierModel.FormatVersion + 1).CopyTo(futureVersion, 4);

        Assert.Throws<InvalidDataException>(() => IntentClassifierModel.Load(new MemoryStream(wrongSignature)));
        Assert.Contains("version", Assert.Throws<InvalidDataException>(() => IntentClassifierModel.Load(new MemoryStream(futureVersion))).Message,
            StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => IntentClassifierModel.Load(new MemoryStream(bytes[..(bytes.Length / 2)])));
    }

    [Fact]
    public void Options_are_validated_with_their_names()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new IntentClassifierTrainer(new IntentClassifierTrainer.Options { ValidationFraction = 1.5 }));
        Assert.Contains(nameof(IntentClassifierTrainer.Options.ValidationFraction), error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new IntentClassifierTrainer().Fit([new LabeledText("hello", "greeting")]));
    }
}
