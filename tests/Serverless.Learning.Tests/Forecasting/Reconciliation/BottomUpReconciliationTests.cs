using Serverless.Learning.Forecasting;
using Serverless.Learning.Forecasting.Automatic;
using Serverless.Learning.Forecasting.Reconciliation;
using Xunit;

namespace Serverless.Learning.Tests.Forecasting.Reconciliation;

public sealed class BottomUpReconciliationTests
{
    private static readonly AutomaticForecastTrainer Trainer = new(new AutomaticForecastTrainer.Options
    {
        SeasonalPeriod = 7,
        Horizon = 7,
        BacktestOrigins = 6,
        Candidates = [ForecastMethod.SeasonalNaive, ForecastMethod.HistoricalMean, ForecastMethod.TeunterSyntetosBabai],
    });

    [Fact]
    public void Groups_add_up_their_members_and_the_total_adds_up_everything()
    {
        var random = new Random(5);
        var members = new Dictionary<string, AutomaticForecastModel>
        {
            ["mug"] = Trainer.Fit(Series(random, 6)),
            ["plate"] = Trainer.Fit(Series(random, 3)),
            ["lamp"] = Trainer.Fit(Series(random, 1)),
        };
        var groupOf = new Dictionary<string, string> { ["mug"] = "kitchen", ["plate"] = "kitchen", ["lamp"] = "lighting" };

        var reconciled = BottomUpReconciliation.Reconcile(members, groupOf, 10);

        Assert.Equal(["kitchen", "lighting"], reconciled.Groups.Keys);
        for (var h = 0; h < 10; h++)
        {
            Assert.Equal(reconciled.Members["mug"].Mean[h] + reconciled.Members["plate"].Mean[h], reconciled.Groups["kitchen"].Mean[h], 9);
            Assert.Equal(reconciled.Members["lamp"].Mean[h], reconciled.Groups["lighting"].Mean[h], 9);
            Assert.Equal(reconciled.Groups.Values.Sum(group => group.Mean[h]), reconciled.Total.Mean[h], 9);
            Assert.True(reconciled.Total.Lower95[h] <= reconciled.Total.Mean[h] && reconciled.Total.Mean[h] <= reconciled.Total.Upper95[h]);
            Assert.True(reconciled.Total.Lower80[h] >= reconciled.Total.Lower95[h] && reconciled.Total.Upper80[h] <= reconciled.Total.Upper95[h]);
        }

        Assert.Equal(ForecastMethod.BottomUp, reconciled.Total.Method);
        // The members' errors add up in the backtest: the total is more uncertain than any single member.
        Assert.True(reconciled.Total.Upper95[0] - reconciled.Total.Lower95[0] > reconciled.Members["mug"].Upper95[0] - reconciled.Members["mug"].Lower95[0]);
    }

    [Fact]
    public void A_member_without_a_group_is_counted_in_the_total_only()
    {
        var random = new Random(9);
        var members = new Dictionary<string, AutomaticForecastModel>
        {
            ["a"] = Trainer.Fit(Series(random, 2)),
            ["b"] = Trainer.Fit(Series(random, 2)),
        };

        var reconciled = BottomUpReconciliation.Reconcile(members, new Dictionary<string, string> { ["a"] = "g" }, 3);

        Assert.Equal(reconciled.Members["a"].Mean[0], reconciled.Groups["g"].Mean[0], 12);
        Assert.Equal(reconciled.Members["a"].Mean[0] + reconciled.Members["b"].Mean[0], reconciled.Total.Mean[0], 12);
    }

    private static double[] Series(Random random, int rate) =>
        Enumerable.Range(0, 84).Select(t => (double)(t % 7 == 6 ? 0 : random.Next(0, 2 * rate + 1))).ToArray();
}
