using Serverless.Domain.Profiles;
using Serverless.Domain.Segments;

namespace Serverless.Application.Segments;

/// <summary>The human-readable reason carried by a <see cref="SegmentChange"/>.</summary>
public static class SegmentChangeReasons
{
    public const string FirstSeen = "first seen";
    public const string FirstPurchase = "first purchase";

    public static string Describe(UserProfile profile, string? previousSegmentId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.SegmentId == RfmSegments.ProspectsId || profile.Rfm is null)
        {
            return FirstSeen;
        }

        if ((previousSegmentId is null || previousSegmentId == RfmSegments.ProspectsId) && profile.OrderCount == 1)
        {
            return FirstPurchase;
        }

        return $"rfm: R{profile.Rfm.R} F{profile.Rfm.F} M{profile.Rfm.M}";
    }
}
