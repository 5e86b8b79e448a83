using Serverless.Application.Recommendations;
using Serverless.Application.Tests.Fakes;
using Serverless.Application.Training;
using Serverless.Domain.Catalog;
using Serverless.Domain.Events;
using Serverless.Domain.Profiles;
using Serverless.Domain.Segments;

namespace Serverless.Application.Tests.Recommendations;

/// <summary>The application on fakes with the clustered shop's catalog and archive, and helpers to train and ask.</summary>
public sealed class ServingFixture : IDisposable
{
    public ServingFixture(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Recommendations:Training:Trainer"] = "ItemKnn",
            ["Recommendations:Training:MinimumHoldoutUsers"] = "5",
            ["Recommendations:ModelPollSeconds"] = "30",
            ["Recommendations:CatalogRefreshSeconds"] = "0",
            ["Recommendations:MaxPerCategory"] = "0",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        App = new TestApplication(values);
        foreach (var product in ClusteredShop.Catalog(TestApplication.Start.AddDays(-90)))
        {
            App.Catalog.Store.TrySave(product.ProductId, product, null);
        }
    }

    public TestApplication App { get; }

    public DateTimeOffset Now => App.Clock.GetUtcNow();

    public async Task<RetrainReport> TrainAsync()
    {
        if (App.Archive.Appended.IsEmpty)
        {
            await App.Archive.AppendAsync(ClusteredShop.Events(TestApplication.Start), CancellationToken.None);
        }

        App.Clock.Advance(TimeSpan.FromMinutes(1));
        return await App.Get<RecommenderRetrainingJob>().TryRunAsync(CancellationToken.None) ?? throw new InvalidOperationException("busy");
    }

    public void SetProduct(string productId, Func<Product, Product> change)
    {
        var stored = App.Catalog.Store.Get(productId)!.Value;
        App.Catalog.Store.TrySave(productId, change(stored.Value), stored.ETag);
    }

    /// <summary>Folds the events into the user's stored profile, as the event pipeline does.</summary>
    public void Apply(string userId, params BehaviorEvent[] events)
    {
        var stored = App.Profiles.Store.Get(userId);
        var profile = stored?.Value ?? new UserProfile { UserId = userId };
        foreach (var e in events)
        {
            ProfileUpdater.Apply(profile, e, new ProfileOptions());
        }

        App.Profiles.Store.TrySave(userId, profile, stored?.ETag);
    }

    public void SetSegment(string userId, string segmentId)
    {
        var stored = App.Profiles.Store.Get(userId);
        var profile = stored?.Value ?? new UserProfile { UserId = userId };
        profile.SegmentId = segmentId;
        App.Profiles.Store.TrySave(userId, profile, stored?.ETag);
    }

    public async Task AddMembersAsync(string segmentId, IEnumerable<string> users)
    {
        foreach (var user in users)
        {
            await App.Segments.AddMemberAsync(new SegmentMember(segmentId, user, TestApplication.Start), CancellationToken.None);
        }
    }

    public async Task<RecommendationsResponse> RecommendAsync(string userId, int? count = 10, string? context = null, string? productId = null, string? category = null)
    {
        var result = await App.Get<GetRecommendationsHandler>().HandleAsync(userId, count, context, productId, category, CancellationToken.None);
        return result.Value ?? throw new InvalidOperationException($"{result.Status}: {result.Problem?.Detail}");
    }

    public BehaviorEvent View(string userId, string productId, TimeSpan ago) =>
        ClusteredShop.View(userId, productId, App.Catalog.Store.Get(productId)?.Value.Category, Now - ago);

    public void Dispose() => App.Dispose();
}
