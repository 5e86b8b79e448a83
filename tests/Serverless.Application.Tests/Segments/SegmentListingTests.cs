using Serverless.Application.Segments;
using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Segments;
using Xunit;

namespace Serverless.Application.Tests.Segments;

public sealed class SegmentListingTests : IDisposable
{
    private readonly TestApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Lists_every_segment_with_its_size_or_zero_and_the_thresholds()
    {
        await _app.Segments.SetSizeAsync("champions", 7, CancellationToken.None);

        var result = await _app.Get<ListSegmentsHandler>().HandleAsync(CancellationToken.None);

        Assert.Equal(200, result.Status);
        var segments = result.Value!.Segments;
        Assert.Equal(RfmSegments.All.Select(s => s.Id), segments.Select(s => s.Id));
        Assert.Equal(7, segments.Single(s => s.Id == "champions").Size);
        Assert.All(segments.Where(s => s.Id != "champions"), s => Assert.Equal(0, s.Size));
        Assert.Equal("R 5 and FM 4-5", segments.Single(s => s.Id == "champions").Rule);
        Assert.Same(RfmThresholds.Default, result.Value.Thresholds);
    }

    [Fact]
    public async Task An_unknown_segment_is_404()
    {
        var result = await _app.Get<ListSegmentMembersHandler>().HandleAsync("vip", null, null, CancellationToken.None);
        Assert.Equal(404, result.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task A_page_size_outside_1_to_1000_is_400(int pageSize)
    {
        var result = await _app.Get<ListSegmentMembersHandler>().HandleAsync("lost", pageSize, null, CancellationToken.None);
        Assert.Equal(400, result.Status);
        Assert.Equal(["pageSize"], result.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task Members_are_listed_page_by_page()
    {
        for (var i = 0; i < 250; i++)
        {
            await _app.Segments.AddMemberAsync(new SegmentMember("lost", $"u{i:000}", TestApplication.Start), CancellationToken.None);
        }

        var handler = _app.Get<ListSegmentMembersHandler>();
        var first = (await handler.HandleAsync("lost", null, null, CancellationToken.None)).Value!;
        Assert.Equal(100, first.Items.Count);
        Assert.NotNull(first.ContinuationToken);

        var seen = first.Items.Select(m => m.UserId).ToList();
        var token = first.ContinuationToken;
        while (token is not null)
        {
            var page = (await handler.HandleAsync("lost", 100, token, CancellationToken.None)).Value!;
            seen.AddRange(page.Items.Select(m => m.UserId));
            token = page.ContinuationToken;
        }

        Assert.Equal(250, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("not base64url!")]
    [InlineData("bm90LWEtc3RvcmUtdG9rZW4")]
    public async Task TamperedContinuationToken_Is400NamingTheField(string token)
    {
        await _app.Segments.AddMemberAsync(new SegmentMember("lost", "u1", TestApplication.Start), CancellationToken.None);

        var result = await _app.Get<ListSegmentMembersHandler>().HandleAsync("lost", 10, token, CancellationToken.None);

        Assert.Equal(400, result.Status);
        Assert.Contains("continuationToken", result.Problem!.Errors!.Keys);
    }
}
