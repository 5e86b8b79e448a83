using Microsoft.Extensions.Options;
using Serverless.Application.Recommendations;

namespace Serverless.Application.Support;

/// <summary>
/// "What should I buy?": the recommender's list for the signed-in user (the home context, with its reasons), or its
/// cold-start list (popular, then newest in stock) for anyone else, each item with the reason the recommender gives.
/// </summary>
public sealed class RecommendationDialogue(GetRecommendationsHandler recommendations, IOptions<SupportOptions> options)
{
    /// <summary>The user id asked for when nobody is signed in: it has no profile, so the list is the cold-start one.</summary>
    public const string AnonymousVisitor = "support-anonymous-visitor";

    private readonly SupportOptions _options = options.Value;

    public async Task<DialogueReply> RespondAsync(DialogueTurn turn, CancellationToken cancellationToken)
    {
        var count = _options.ProductsPerReply;
        // Anyone not signed in gets the recommender's cold-start list (what a user without a profile sees).
        var result = await recommendations.HandleAsync(turn.UserId ?? AnonymousVisitor, count, null, null, null, cancellationToken);
        var items = result.Value?.Items ?? [];
        if (items.Count == 0)
        {
            return new DialogueReply(SupportReplies.NoRecommendations(turn.Locale), [], [SupportActions.Recommendations]);
        }

        var lines = items.Select(i => SupportReplies.Recommended(i.Title ?? i.ProductId, i.Reason)).ToList();
        return new DialogueReply(
            SupportReplies.Recommendations(turn.Locale, lines), items.Select(i => SupportSources.Product(i.ProductId)).ToList(),
            [SupportActions.Recommendations]) { Facts = lines };
    }
}
