using Serverless.Learning.Classification;
using Serverless.Learning.Text;
using Xunit;

namespace Serverless.Learning.Tests.Classification;

public sealed class SoftmaxRegressionTests
{
    private static SparseVector Row(params float[] dense)
    {
        var indices = Enumerable.Range(0, dense.Length).Where(i => dense[i] != 0).ToArray();
        return new SparseVector(indices, indices.Select(i => dense[i]).ToArray());
    }

    [Fact]
    public void Learns_a_separable_toy_set()
    {
        SparseVector[] rows = [Row(1, 0, 0), Row(1, 0, 0.1f), Row(0, 1, 0), Row(0.1f, 1, 0), Row(0, 0, 1), Row(0, 0.1f, 1)];
        int[] labels = [0, 0, 1, 1, 2, 2];

        var model = new SoftmaxRegressionTrainer(new SoftmaxRegressionTrainer.Options { L2Regularization = 1e-4 })
            .Fit(rows, labels, 3, 3, out var run);

        Assert.True(run.Converged);
        for (var i = 0; i < rows.Length; i++)
        {
            var probabilities = new float[3];
            model.Score(rows[i], probabilities);
            SoftmaxRegressionModel.Softmax(probabilities);
            Assert.Equal(labels[i], Array.IndexOf(probabilities, probabilities.Max()));
            Assert.True(probabilities[labels[i]] > 0.9, $"row {i}: {probabilities[labels[i]]}");
        }
    }

    [Fact]
    public void Reaches_the_same_optimum_as_scikit_learn()
    {
        // sklearn 1.2.1: LogisticRegression(C=1/(0.1*6), tol=1e-10).fit(X, y).predict_proba(queries)
        SparseVector[] rows = [Row(1, 0, 0.5f), Row(0.8f, 0.2f, 0), Row(0, 1, 0.3f), Row(0.1f, 0.9f, 0), Row(0.5f, 0.5f, 1), Row(0.4f, 0.4f, 0.9f)];
        var model = new SoftmaxRegressionTrainer(new SoftmaxRegressionTrainer.Options { L2Regularization = 0.1, GradientTolerance = 1e-10 })
            .Fit(rows, [0, 0, 1, 1, 2, 2], 3, 3);
        (float[] Query, double[] Expected)[] cases =
        [
            ([1, 0, 0], [0.7011973118, 0.1393443965, 0.1594582917]),
            ([0, 1, 0], [0.1509482754, 0.6804476791, 0.1686040455]),
            ([0.3f, 0.3f, 0.6f], [0.3071331193, 0.2779090740, 0.4149578067]),
        ];

        foreach (var (query, expected) in cases)
        {
            var probabilities = new float[3];
            model.Score(Row(query), probabilities);
            SoftmaxRegressionModel.Softmax(probabilities);
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(expected[c], probabilities[c], 4);
            }
        }
    }

    [Fact]
    public void Training_is_deterministic_and_warm_start_keeps_the_optimum()
    {
        var data = TextSamples.ChineseIntents();
        var features = new HashedTfIdfTrainer().Fit(data.Select(d => d.Text).ToList());
        var labels = data.Select(d => d.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = features.TransformAll(data.Select(d => d.Text).ToList());
        var classes = data.Select(d => labels.IndexOf(d.Label)).ToList();
        var trainer = new SoftmaxRegressionTrainer(new SoftmaxRegressionTrainer.Options { MaximumIterations = 20 });

        var first = trainer.Fit(rows, classes, labels.Count, features.FeatureCount, out var firstRun);
        var second = trainer.Fit(rows, classes, labels.Count, features.FeatureCount);
        trainer.Fit(rows, classes, labels.Count, features.FeatureCount, out var warmRun, first);

        Assert.True(first.Weights.SequenceEqual(second.Weights));
        Assert.True(first.Biases.SequenceEqual(second.Biases));
        Assert.True(warmRun.Objective < firstRun.Objective, $"{warmRun.Objective} vs {firstRun.Objective}");
    }

    [Fact]
    public void Options_and_inputs_are_validated()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SoftmaxRegressionTrainer(new SoftmaxRegressionTrainer.Options { L2Regularization = -1 }));
        Assert.Contains(nameof(SoftmaxRegressionTrainer.Options.L2Regularization), error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SoftmaxRegressionTrainer().Fit([Row(1, 0)], [3], 2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SoftmaxRegressionTrainer().Fit([Row(0, 0, 1)], [0], 2, 2));
    }
}
