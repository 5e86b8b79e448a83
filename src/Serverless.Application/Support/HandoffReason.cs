namespace Serverless.Application.Support;

/// <summary>Why a conversation goes to a person.</summary>
public enum HandoffReason
{
    /// <summary>The intent classifier's confidence is below <c>Support:MinimumConfidence</c>.</summary>
    LowConfidence,

    /// <summary>The question is outside what the data and the knowledge base can answer.</summary>
    OutOfScope,

    /// <summary>The customer asked for a person.</summary>
    Requested,

    /// <summary>The message's sentiment is at or below <c>Support:HandoffSentiment</c>.</summary>
    NegativeSentiment,
}
