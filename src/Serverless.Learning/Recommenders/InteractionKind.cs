namespace Serverless.Learning.Recommenders;

/// <summary>The implicit signals <see cref="InteractionWeighting"/> knows how to weigh.</summary>
public enum InteractionKind
{
    View,
    AddToCart,
    Purchase,
}
