using Serverless.Learning.Classification;
using Xunit;

namespace Serverless.Learning.Tests.Classification;

public sealed class CalibrationAndThresholdTests
{
    [Fact]
    public void Temperature_scaling_lowers_the_validation_nll_of_a_real_model()
    {
        var data = TextSamples.ChineseIntents();
        var labels = data.Select(d => d.Label).ToList();
        var (fit, validation) = StratifiedSampling.Split(labels, 0.25, 7);
        var model = new IntentClassifierTrainer(new IntentClassifierTrainer.Options { RefitOnAllData = false })
            .Fit(fit.Select(i => data[i]).ToList(), null, out var report);
        var classes = model.Labels.ToList();
        var logits = validation.Select(i =>
        {
            var row = new float[classes.Count];
            model.Regression.Score(model.Features.Transform(data[i].Text), row);
            return row;
        }).ToList();
        var truth = validation.Select(i => classes.IndexOf(data[i].Label)).ToList();

        var temperature = TemperatureScaling.Fit(logits, truth);

        Assert.InRange(temperature, TemperatureScaling.MinimumTemperature, TemperatureScaling.MaximumTemperature);
        Assert.True(TemperatureScaling.NegativeLogLikelihood(logits, truth, temperature)
                    < TemperatureScaling.NegativeLogLikelihood(logits, truth, 1.0) - 1e-3);
        Assert.True(report.ValidationNegativeLogLikelihoodAfter <= report.ValidationNegativeLogLikelihoodBefore);
    }

    [Fact]
    public void Nll_is_hand_computable()
    {
        // softmax([2, 0]) for label 0: -ln(e^2 / (e^2 + 1)); at T = 2 the logits are [1, 0].
        float[][] logits = [[2, 0]];
        Assert.Equal(Math.Log(1 + Math.Exp(-2)), TemperatureScaling.NegativeLogLikelihood(logits, [0], 1), 10);
        Assert.Equal(Math.Log(1 + Math.Exp(-1)), TemperatureScaling.NegativeLogLikelihood(logits, [0], 2), 10);
    }

    [Fact]
    public void Threshold_with_out_of_scope_examples_balances_in_scope_accuracy_and_recall()
    {
        ValidationOutcome[] outcomes =
        [
            new(0.95, true, false), new(0.90, true, false), new(0.60, true, false), new(0.40, false, false),
            new(0.50, false, true), new(0.30, false, true), new(0.20, false, true), new(0.70, false, true),
        ];

        // t = 0.6: in-scope 3/4 kept correct + out-of-scope 3/4 rejected = 1.5, the best (t = 0.7 gives 2/4 + 3/4;
        // t = 0.9 ties at 2/4 + 4/4 and the lower threshold wins).
        Assert.Equal(0.60, OutOfScopeThreshold.Tune(outcomes, 0.02));
    }

    [Fact]
    public void Threshold_without_out_of_scope_examples_rejects_the_requested_share()
    {
        var outcomes = Enumerable.Range(1, 100).Select(i => new ValidationOutcome(i / 100.0, true, false)).ToList();

        Assert.Equal(0.06, OutOfScopeThreshold.Tune(outcomes, 0.05), 10); // 0.01..0.05 rejected: 5%
        Assert.Equal(0, OutOfScopeThreshold.Tune(outcomes, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => OutOfScopeThreshold.Tune(outcomes, 1.5));
    }

    [Fact]
    public void Out_of_scope_examples_are_not_a_class_and_are_rejected()
    {
        var training = TextSamples.ChineseIntents();
        var validation = new List<LabeledText>();
        var (fit, held) = StratifiedSampling.Split(training.Select(t => t.Label).ToList(), 0.2, 3);
        validation.AddRange(held.Select(i => training[i]));
        string[] unrelated = ["今天天气怎么样", "讲个笑话", "what is the capital of france", "play some music", "how tall is mount everest",
            "明天会下雨吗", "推荐一部电影", "who won the football game", "帮我算一下二加二", "set an alarm for seven"];
        validation.AddRange(unrelated.Select(u => new LabeledText(u, "oos")));

        var model = new IntentClassifierTrainer(new IntentClassifierTrainer.Options { OutOfScopeLabel = "oos" })
            .Fit(fit.Select(i => training[i]).ToList(), validation);

        Assert.DoesNotContain("oos", model.Labels);
        Assert.True(model.OutOfScopeThreshold > 0);
        Assert.True(unrelated.Count(u => model.Predict(u).IsOutOfScope) >= 7);
        Assert.False(model.Predict("我要退款").IsOutOfScope);
    }
}
