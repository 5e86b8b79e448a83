using Serverless.Domain.Segments;
using Xunit;

namespace Serverless.Domain.Tests.Segments;

public sealed class RfmSegmentsTests
{
    public static TheoryData<int, int, string> Grid()
    {
        // R, FM, segment: the 25 cells of the specification.
        var data = new TheoryData<int, int, string>();
        string[][] rows =
        [
            ["new-customers", "potential-loyalists", "potential-loyalists", "champions", "champions"],
            ["promising", "potential-loyalists", "potential-loyalists", "loyal", "loyal"],
            ["about-to-sleep", "about-to-sleep", "need-attention", "loyal", "loyal"],
            ["hibernating", "hibernating", "at-risk", "at-risk", "cant-lose-them"],
            ["lost", "lost", "at-risk", "at-risk", "cant-lose-them"],
        ];
        for (var r = 5; r >= 1; r--)
        {
            for (var fm = 1; fm <= 5; fm++)
            {
                data.Add(r, fm, rows[5 - r][fm - 1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Every_cell_of_the_grid_maps_to_its_segment(int r, int fm, string expected)
    {
        // Every (F, M) pair whose rounded-half-up mean is fm lands in the same cell.
        var pairs = from f in Enumerable.Range(1, 5)
                    from m in Enumerable.Range(1, 5)
                    where RfmSegments.CombineFrequencyAndMonetary(f, m) == fm
                    select (f, m);
        Assert.NotEmpty(pairs);
        foreach (var (f, m) in pairs)
        {
            Assert.Equal(expected, RfmSegments.Classify(r, f, m).Id);
        }
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 2, 2)]
    [InlineData(2, 3, 3)]
    [InlineData(3, 4, 4)]
    [InlineData(4, 5, 5)]
    [InlineData(1, 5, 3)]
    [InlineData(5, 5, 5)]
    public void FM_is_the_mean_of_F_and_M_rounded_half_up(int f, int m, int expected) =>
        Assert.Equal(expected, RfmSegments.CombineFrequencyAndMonetary(f, m));

    [Fact]
    public void There_are_eleven_rfm_segments_and_prospects_with_unique_kebab_case_ids()
    {
        var ids = RfmSegments.All.Select(s => s.Id).ToList();
        Assert.Equal(12, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[a-z]+(-[a-z]+)*$", id));
        Assert.Contains(RfmSegments.ProspectsId, ids);
        Assert.All(RfmSegments.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Name) || string.IsNullOrWhiteSpace(s.Rule)));
    }

    [Fact]
    public void Every_rfm_segment_is_reachable_from_some_scores()
    {
        var reached = (from r in Enumerable.Range(1, 5)
                       from f in Enumerable.Range(1, 5)
                       from m in Enumerable.Range(1, 5)
                       select RfmSegments.Classify(r, f, m).Id).ToHashSet();
        Assert.Equal(RfmSegments.All.Where(s => s.Id != RfmSegments.ProspectsId).Select(s => s.Id).ToHashSet(), reached);
    }

    [Fact]
    public void Each_rule_text_describes_exactly_the_cells_of_its_segment()
    {
        foreach (var segment in RfmSegments.All.Where(s => s.Id != RfmSegments.ProspectsId))
        {
            var cells = (from r in Enumerable.Range(1, 5)
                         from fm in Enumerable.Range(1, 5)
                         where RfmSegments.Classify(r, fm, fm).Id == segment.Id
                         select (r, fm)).ToList();
            var rs = cells.Select(c => c.r).Distinct().Order().ToList();
            var fms = cells.Select(c => c.fm).Distinct().Order().ToList();
            Assert.Equal(rs.Count * fms.Count, cells.Count);
            Assert.Equal($"R {Range(rs)} and FM {Range(fms)}", segment.Rule);
        }

        static string Range(List<int> values) => values.Count == 1 ? $"{values[0]}" : $"{values[0]}-{values[^1]}";
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 6, 1)]
    [InlineData(1, 1, 0)]
    public void Scores_outside_1_to_5_are_refused(int r, int f, int m) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmSegments.Classify(r, f, m));

    [Fact]
    public void Find_knows_every_id_and_nothing_else()
    {
        Assert.All(RfmSegments.All, s => Assert.Same(s, RfmSegments.Find(s.Id)));
        Assert.Null(RfmSegments.Find("vip"));
        Assert.Null(RfmSegments.Find(null));
    }
}
