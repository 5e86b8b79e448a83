using Microsoft.Extensions.Options;
using Serverless.Application.Common;
using Serverless.Domain.Ports;
using Serverless.Domain.Profiles;
using Serverless.Domain.Segments;
using Serverless.Domain.Validation;

namespace Serverless.Application.Profiles;

/// <summary>GET /api/profiles/{userId}: one profile as a read model; 404 when the user is unknown.</summary>
public sealed class GetProfileHandler(IProfileRepository profiles, IOptions<ProfileOptions> profileOptions, TimeProvider timeProvider)
{
    public const int MaxAffinities = 20;

    private readonly ProfileOptions _profileOptions = profileOptions.Value;

    public async Task<HandlerResult<ProfileResponse>> HandleAsync(string userId, CancellationToken cancellationToken)
    {
        if (IdentifierRules.Check(userId) is { } problem)
        {
            return Problem.Validation([new FieldError("userId", problem)]);
        }

        var stored = await profiles.GetAsync(userId, cancellationToken);
        if (stored is null)
        {
            return Problem.NotFound($"No profile for user '{userId}'.");
        }

        return HandlerResult<ProfileResponse>.Ok(ToResponse(stored.Value, _profileOptions, timeProvider.GetUtcNow()));
    }

    public static ProfileResponse ToResponse(UserProfile profile, ProfileOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        return new ProfileResponse
        {
            UserId = profile.UserId,
            FirstSeen = profile.FirstSeen,
            LastSeen = profile.LastSeen,
            EventCounts = profile.EventCounts.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value),
            OrderCount = profile.OrderCount,
            GrossRevenue = profile.GrossRevenue,
            RefundedAmount = profile.RefundedAmount,
            NetRevenue = profile.NetRevenue,
            AverageOrderValue = profile.AverageOrderValue,
            Currency = profile.Currency,
            FirstPurchaseAt = profile.FirstPurchaseAt,
            LastPurchaseAt = profile.LastPurchaseAt,
            MeanDaysBetweenPurchases = profile.MeanDaysBetweenPurchases,
            CategoryAffinity = TopAffinities(profile.CategoryAffinity, options.AffinityHalfLife, now),
            BrandAffinity = TopAffinities(profile.BrandAffinity, options.AffinityHalfLife, now),
            RecentItems = profile.RecentItems,
            Cart = profile.Cart
                .Select(p => (ProductId: p.Key, p.Value.Quantity))
                .Where(p => p.Quantity > 0)
                .OrderBy(p => p.ProductId, StringComparer.Ordinal)
                .ToDictionary(p => p.ProductId, p => p.Quantity),
            RecentSearches = profile.RecentSearches,
            ReviewCount = profile.ReviewCount,
            AverageRating = profile.AverageRating,
            Lifecycle = profile.Lifecycle,
            RecencyDays = profile.RecencyDays,
            Rfm = profile.Rfm,
            SegmentId = profile.SegmentId,
            SegmentName = RfmSegments.Find(profile.SegmentId)?.Name,
            SegmentSince = profile.SegmentSince,
            ScoredAt = profile.ScoredAt,
            UpdatedAt = profile.UpdatedAt,
        };
    }

    private static List<AffinityScore> TopAffinities(Dictionary<string, DecayedScore> scores, TimeSpan halfLife, DateTimeOffset now) =>
        scores
            .Select(p => new AffinityScore(p.Key, Math.Round(p.Value.ValueAt(now, halfLife), 4)))
            .Where(a => a.Score > 0)
            .OrderByDescending(a => a.Score)
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .Take(MaxAffinities)
            .ToList();
}
