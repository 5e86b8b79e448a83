using MathNet.Numerics.LinearAlgebra;
using Serverless.Learning.Recommenders;
using Xunit;

namespace Serverless.Learning.Tests.Recommenders;

public sealed class EaseTrainerTests
{
    [Fact]
    public void Scores_match_the_closed_form_computed_with_mathnet()
    {
        const double lambda = 2;
        var data = TestInteractions.TwoGroups();
        var model = new EaseTrainer(new() { Regularization = lambda }).Fit(data);
        var items = model.Items.ToList();

        // X (users × items, binary), P = (XᵀX + λI)⁻¹, B = I − P diag(1/diag P)... with a zero diagonal: B_ij = −P_ij / P_jj.
        var users = data.Select(i => i.UserId).Distinct().Order(StringComparer.Ordinal).ToList();
        var x = Matrix<double>.Build.Dense(users.Count, items.Count);
        foreach (var interaction in data)
        {
            x[users.IndexOf(interaction.UserId), items.IndexOf(interaction.ItemId)] = 1;
        }

        var p = (x.Transpose() * x + (lambda * Matrix<double>.Build.DenseIdentity(items.Count))).Inverse();
        var b = Matrix<double>.Build.Dense(items.Count, items.Count, (i, j) => i == j ? 0 : -p[i, j] / p[j, j]);
        var history = TestInteractions.History("a1", "b4", "hit");
        var row = Vector<double>.Build.Dense(items.Count);
        foreach (var entry in history)
        {
            row[items.IndexOf(entry.ItemId)] = 1;
        }

        var expected = b.TransposeThisAndMultiply(row);
        foreach (var item in model.Recommend(history, items.Count))
        {
            Assert.Equal(expected[items.IndexOf(item.ItemId)], item.Score, 5);
        }
    }

    [Fact]
    public void Recommends_within_the_users_group_with_a_group_reason()
    {
        var model = new EaseTrainer(new() { Regularization = 1 }).Fit(TestInteractions.TwoGroups());

        var result = model.Recommend(TestInteractions.History("b1", "b2", "b3"), 1, item => item is "b1" or "b2" or "b3" or "hit");

        Assert.Equal("b4", result[0].ItemId);
        Assert.Contains(result[0].BecauseOfItemId, new[] { "b1", "b2", "b3" });
    }

    [Fact]
    public void Refuses_a_catalog_above_the_maximum_with_a_clear_message()
    {
        var trainer = new EaseTrainer(new() { MaximumItems = 5 });

        var error = Assert.Throws<ArgumentException>(() => trainer.Fit(TestInteractions.TwoGroups()));

        Assert.Equal("interactions", error.ParamName);
        Assert.Contains("9 items", error.Message);
        Assert.Contains("MaximumItems = 5", error.Message);
    }

    [Fact]
    public void Validates_options_naming_them()
    {
        Assert.Contains(
            "Regularization", Assert.Throws<ArgumentOutOfRangeException>(() => new EaseTrainer(new() { Regularization = 0 })).Message);
        Assert.Contains(
            "MaximumItems", Assert.Throws<ArgumentOutOfRangeException>(() => new EaseTrainer(new() { MaximumItems = 0 })).Message);
        Assert.Contains("Input", Assert.Throws<ArgumentOutOfRangeException>(() => new EaseTrainer(new() { Input = (EaseInput)5 })).Message);
    }
}
