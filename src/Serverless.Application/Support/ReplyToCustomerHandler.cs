using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Common;
using Serverless.Domain.Json;
using Serverless.Domain.Orders;
using Serverless.Domain.Ports;
using Serverless.Domain.Support;
using Serverless.Domain.Validation;

namespace Serverless.Application.Support;

/// <summary>
/// POST /api/support/replies <c>{conversationId?, userId?, message, locale?}</c>: one turn of a customer-service
/// conversation. The message is classified (or, when it names an order the assistant asked about, resumes that
/// question), scored for sentiment and answered by the intent's dialogue from real data; strongly negative sentiment,
/// low confidence, an explicit request for a person or a question nothing answers hand the conversation to a person
/// (a message with the transcript on the <c>handoff</c> queue). Every turn is stored in the conversation (Cosmos DB,
/// TTL). 415 for a non-JSON body, 413 for an oversized body, 400 naming the field for an empty or too long message or
/// a bad id or locale, 404 for a conversation of another user, 409 when the conversation changed meanwhile.
/// </summary>
public sealed class ReplyToCustomerHandler(
    IConversationRepository conversations,
    IOrderRepository orders,
    IMessagePublisher publisher,
    SupportIntentModelProvider intents,
    SentimentAnalyzer sentiment,
    OrderTrackingDialogue tracking,
    OrderCancellationDialogue cancellation,
    RefundDialogue refunds,
    ProductSearchDialogue products,
    RecommendationDialogue recommendations,
    KnowledgeDialogue knowledge,
    ReplyRephraser rephraser,
    IOptions<SupportOptions> options,
    TimeProvider timeProvider,
    ILogger<ReplyToCustomerHandler> logger)
{
    private readonly SupportOptions _options = options.Value;

    public async Task<HandlerResult<SupportReplyResponse>> HandleAsync(SupportReplyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!JsonRequestBody.IsJson(request.ContentType))
        {
            return Problem.UnsupportedMediaType("The body must be application/json: {\"message\": \"...\"}.");
        }

        var (body, bodyProblem) = await ReadBodyAsync(request.Body, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var errors = Validate(body!, out var requestedLocale);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var message = body!.Message!.Trim();
        var now = timeProvider.GetUtcNow();
        Versioned<Conversation>? stored = null;
        if (body.ConversationId is { } id)
        {
            stored = await conversations.GetAsync(id, cancellationToken);
            if (stored is not null && stored.Value.UserId is not null && body.UserId is not null && stored.Value.UserId != body.UserId)
            {
                return Problem.NotFound($"No conversation '{id}' for this user.");
            }
        }

        var locale = requestedLocale ?? SupportLocales.Detect(message, stored?.Value.Locale);

        var conversation = stored?.Value ?? new Conversation
        {
            ConversationId = body.ConversationId ?? Guid.NewGuid().ToString("N"),
            Locale = locale,
            StartedAt = now,
        };
        conversation.UserId ??= body.UserId;
        conversation.Locale = locale;

        var score = Math.Round(sentiment.Score(message), 4);
        var (label, confidence, userOrders) = await UnderstandAsync(conversation, message, cancellationToken);
        var turn = new DialogueTurn(conversation, message, locale, label, userOrders);
        var intent = SupportIntentMap.Of(label);
        var reply = score <= _options.HandoffSentiment ? DialogueReply.HandOff(locale, HandoffReason.NegativeSentiment)
            : confidence < _options.MinimumConfidence ? DialogueReply.HandOff(locale, HandoffReason.LowConfidence)
            : intent == SupportIntent.Human ? DialogueReply.HandOff(locale, HandoffReason.Requested)
            : await RespondAsync(intent, turn, cancellationToken);

        var text = reply.Text;
        var actions = reply.Actions.ToList();
        if (reply.Handoff is null && await rephraser.RephraseAsync(reply, locale, cancellationToken) is { } rephrased)
        {
            text = rephrased;
            actions.Add(SupportActions.Rephrased);
        }

        var handoff = reply.Handoff is not null;
        var record = new ConversationTurn
        {
            At = now,
            Message = message,
            Reply = text,
            Intent = label,
            Confidence = confidence,
            Sentiment = score,
            Actions = actions,
            Sources = reply.Sources,
            Handoff = handoff,
        };
        conversation.Turns.Add(record);
        if (conversation.Turns.Count > _options.MaxStoredTurns)
        {
            conversation.Turns.RemoveRange(0, conversation.Turns.Count - _options.MaxStoredTurns);
        }
        conversation.UpdatedAt = now;
        conversation.HandedOff |= handoff;
        if (await conversations.TrySaveAsync(conversation, stored?.ETag, cancellationToken) is null)
        {
            return Problem.Conflict($"Conversation '{conversation.ConversationId}' changed meanwhile; send the message again.");
        }

        if (reply.Handoff is { } reason)
        {
            await publisher.PublishAsync(QueueNames.Handoff, new HandoffRequest
            {
                ConversationId = conversation.ConversationId,
                UserId = conversation.UserId,
                Locale = locale,
                Reason = JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString()),
                RequestedAt = now,
                Transcript = conversation.Turns.TakeLast(_options.HandoffTranscriptTurns).ToList(),
            }, cancellationToken);
            logger.LogInformation("Conversation {ConversationId} handed off ({Reason})", conversation.ConversationId, reason);
        }

        return HandlerResult<SupportReplyResponse>.Ok(new SupportReplyResponse
        {
            ConversationId = conversation.ConversationId,
            Reply = text,
            Intent = label,
            Confidence = confidence,
            Sentiment = score,
            Locale = locale,
            Sources = reply.Sources,
            Actions = actions,
            Handoff = handoff,
            HandoffReason = reply.Handoff,
        });
    }

    /// <summary>
    /// The message's intent: the pending question's when the message names one of the user's orders (confidence 1),
    /// else the classifier's label and calibrated confidence. An unanswered pending question is dropped. The user's
    /// orders, when listed to check the pending question, are returned for the dialogue to reuse.
    /// </summary>
    private async Task<(string Label, double Confidence, IReadOnlyList<Order>? UserOrders)> UnderstandAsync(
        Conversation conversation, string message, CancellationToken cancellationToken)
    {
        IReadOnlyList<Order>? userOrders = null;
        if (conversation.PendingOrder is { } pending && conversation.UserId is { } userId)
        {
            userOrders = await orders.ListByUserAsync(userId, cancellationToken);
            if (OrderResolver.Mentioned(message, userOrders) is not null)
            {
                return (pending.Intent, 1.0, userOrders);
            }
        }

        conversation.PendingOrder = null;
        var model = await intents.GetAsync(cancellationToken);
        var prediction = model.Classifier.Predict(message, 1);
        return (prediction.Label, Math.Round(prediction.Confidence, 4), userOrders);
    }

    private Task<DialogueReply> RespondAsync(SupportIntent intent, DialogueTurn turn, CancellationToken cancellationToken) => intent switch
    {
        SupportIntent.TrackOrder => tracking.RespondAsync(turn, cancellationToken),
        SupportIntent.CancelOrder => cancellation.RespondAsync(turn, cancellationToken),
        SupportIntent.Refund => refunds.RespondAsync(turn, cancellationToken),
        SupportIntent.ProductQuestion => products.RespondAsync(turn, cancellationToken),
        SupportIntent.Recommendation => recommendations.RespondAsync(turn, cancellationToken),
        SupportIntent.SmallTalk => Task.FromResult(SmallTalkDialogue.Respond(turn)),
        _ => knowledge.RespondAsync(turn, cancellationToken),
    };

    private List<FieldError> Validate(SupportReplyBody body, out string? locale)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(body.Message))
        {
            errors.Add(new FieldError("message", "is required and must not be blank."));
        }
        else if (body.Message.Length > _options.MaxMessageLength)
        {
            errors.Add(new FieldError("message", $"must be at most {_options.MaxMessageLength} characters (was {body.Message.Length})."));
        }

        if (body.ConversationId is not null && IdentifierRules.Check(body.ConversationId) is { } conversationProblem)
        {
            errors.Add(new FieldError("conversationId", conversationProblem));
        }

        if (body.UserId is not null && IdentifierRules.Check(body.UserId) is { } userProblem)
        {
            errors.Add(new FieldError("userId", userProblem));
        }

        locale = SupportLocales.Normalize(body.Locale);
        if (body.Locale is not null && locale is null)
        {
            errors.Add(new FieldError("locale", "must be an English or Chinese locale such as en, en-US, zh or zh-CN."));
        }

        return errors;
    }

    private async Task<(SupportReplyBody? Body, Problem? Problem)> ReadBodyAsync(Stream stream, CancellationToken cancellationToken)
    {
        // A message of MaxMessageLength characters takes at most 4 bytes each in UTF-8 (6 when \u-escaped), plus the other fields.
        var limit = (_options.MaxMessageLength * 6L) + 4096;
        if (await JsonRequestBody.ReadLimitedAsync(stream, limit, cancellationToken) is not { } bytes)
        {
            return (null, Problem.PayloadTooLarge("body", $"A support request body is at most {limit} bytes."));
        }

        try
        {
            var body = JsonSerializer.Deserialize<SupportReplyBody>(bytes, DomainJson.Options);
            return body is null
                ? (null, Problem.Validation([new FieldError("body", "must be a JSON object {\"message\": \"...\"}.")]))
                : (body, null);
        }
        catch (JsonException exception)
        {
            return (null, Problem.Validation([new FieldError("body", "must be a JSON object {\"message\": \"...\"}: " + exception.Message)]));
        }
    }
}
