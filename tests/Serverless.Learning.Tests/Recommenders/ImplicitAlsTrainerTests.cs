using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Serverless.Learning.Recommenders;
using Xunit;

namespace Serverless.Learning.Tests.Recommenders;

public sealed class ImplicitAlsTrainerTests
{
    private static ImplicitAlsTrainer.Options SmallOptions(AlsSolver solver = AlsSolver.ConjugateGradient, int? threads = null) => new()
    {
        Factors = 4,
        Regularization = 0.1,
        Alpha = 2,
        Iterations = 10,
        Solver = solver,
        Seed = 7,
        MaximumDegreeOfParallelism = threads,
    };

    [Theory]
    [InlineData(AlsSolver.ConjugateGradient)]
    [InlineData(AlsSolver.Cholesky)]
    public void Recommends_the_missing_item_of_the_users_own_group(AlsSolver solver)
    {
        var model = new ImplicitAlsTrainer(SmallOptions(solver)).Fit(TestInteractions.TwoGroups());

        // Like ga-0, who lacks a1: the best unseen a-item must beat every b-item.
        var history = TestInteractions.History("a2", "a3", "a4");
        var result = model.Recommend(history, 2, item => item is "a2" or "a3" or "a4" or "hit");

        Assert.Equal("a1", result[0].ItemId);
        Assert.Contains(result[0].BecauseOfItemId, new[] { "a2", "a3", "a4" });
        Assert.StartsWith("b", result[1].ItemId);
        Assert.True(result[0].Score > result[1].Score + 0.1);
    }

    [Fact]
    public void Fold_in_matches_a_dense_weighted_least_squares_solve()
    {
        var model = (ImplicitAlsModel)new ImplicitAlsTrainer(SmallOptions()).Fit(TestInteractions.TwoGroups());
        var lambda = double.Parse(model.Parameters["Regularization"], CultureInfo.InvariantCulture);
        var history = new[] { new WeightedItem("a1", 1), new WeightedItem("b2", 3) };

        // x = (Yᵀ C Y + λI)⁻¹ Yᵀ C p with C = diag(1 + α r) over every item, p = 1 on the history.
        var items = model.Items.Count;
        var y = Matrix<double>.Build.Dense(items, model.Factors, (i, f) => model.ItemFactors[(i * model.Factors) + f]);
        var confidence = Vector<double>.Build.Dense(items, 1);
        var preference = Vector<double>.Build.Dense(items);
        foreach (var entry in history)
        {
            var index = model.Items.ToList().IndexOf(entry.ItemId);
            confidence[index] = 1 + (model.Alpha * entry.Weight);
            preference[index] = 1;
        }

        var c = Matrix<double>.Build.DiagonalOfDiagonalVector(confidence);
        var x = (y.Transpose() * c * y + (lambda * Matrix<double>.Build.DenseIdentity(model.Factors)))
            .Solve(y.Transpose() * c * preference);
        var expected = y * x;

        var scored = model.Recommend(history, items);

        Assert.Equal(items, scored.Count);
        foreach (var item in scored)
        {
            Assert.Equal(expected[model.Items.ToList().IndexOf(item.ItemId)], item.Score, 4);
        }
    }

    [Fact]
    public void Reasons_split_the_score_into_history_contributions()
    {
        var model = new ImplicitAlsTrainer(SmallOptions()).Fit(TestInteractions.TwoGroups());

        // One history item per group: a-items are explained by a1, b-items by b1.
        var result = model.Recommend(TestInteractions.History("a1", "b1"), 6, item => item is "a1" or "b1" or "hit");

        Assert.All(result, s => Assert.Equal(s.ItemId[0] == 'a' ? "a1" : "b1", s.BecauseOfItemId));
    }

    [Fact]
    public void Is_deterministic_for_a_seed_whatever_the_thread_count()
    {
        var data = TestInteractions.TwoGroups();
        var single = (ImplicitAlsModel)new ImplicitAlsTrainer(SmallOptions(threads: 1)).Fit(data);
        var parallel = (ImplicitAlsModel)new ImplicitAlsTrainer(SmallOptions(threads: 4)).Fit(data);
        var shuffled = data.ToArray();
        new Random(3).Shuffle(shuffled);
        var reordered = (ImplicitAlsModel)new ImplicitAlsTrainer(SmallOptions(threads: 4)).Fit(shuffled);

        Assert.Equal(single.ItemFactors.ToArray(), parallel.ItemFactors.ToArray());
        Assert.Equal(single.ItemFactors.ToArray(), reordered.ItemFactors.ToArray());
    }

    [Fact]
    public void Conjugate_gradient_ranks_like_the_exact_solver()
    {
        var data = TestInteractions.TwoGroups();
        var exact = new ImplicitAlsTrainer(SmallOptions(AlsSolver.Cholesky)).Fit(data);
        var approximate = new ImplicitAlsTrainer(SmallOptions(AlsSolver.ConjugateGradient)).Fit(data);
        var history = TestInteractions.History("b1", "b2");

        static string[] Top(RecommenderModel model, WeightedItem[] history) =>
            model.Recommend(history, 3, item => item is "b1" or "b2").Select(s => s.ItemId).ToArray();

        Assert.Equal(Top(exact, history)[0], Top(approximate, history)[0]);
        Assert.Equal(Top(exact, history).Order(), Top(approximate, history).Order());
    }

    [Fact]
    public void Similar_items_are_by_factor_cosine()
    {
        var model = new ImplicitAlsTrainer(SmallOptions()).Fit(TestInteractions.TwoGroups());

        var similar = model.Similar("b3", 3);

        Assert.All(similar, s => Assert.True(s.Score <= 1.0001));
        Assert.Equal(3, similar.Count(s => s.ItemId.StartsWith('b')));
    }

    [Fact]
    public void Validates_options_naming_them()
    {
        Assert.Contains("Factors", Assert.Throws<ArgumentOutOfRangeException>(() => new ImplicitAlsTrainer(new() { Factors = 0 })).Message);
        Assert.Contains(
            "Regularization",
            Assert.Throws<ArgumentOutOfRangeException>(() => new ImplicitAlsTrainer(new() { Regularization = 0 })).Message);
        Assert.Contains("Alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new ImplicitAlsTrainer(new() { Alpha = -1 })).Message);
        Assert.Contains("Iterations", Assert.Throws<ArgumentOutOfRangeException>(() => new ImplicitAlsTrainer(new() { Iterations = 0 })).Message);
        Assert.Contains(
            "ConjugateGradientSteps",
            Assert.Throws<ArgumentOutOfRangeException>(() => new ImplicitAlsTrainer(new() { ConjugateGradientSteps = 0 })).Message);
        Assert.Contains(
            "MaximumDegreeOfParallelism",
            Assert.Throws<ArgumentOutOfRangeException>(() => new ImplicitAlsTrainer(new() { MaximumDegreeOfParallelism = 0 })).Message);
    }
}
