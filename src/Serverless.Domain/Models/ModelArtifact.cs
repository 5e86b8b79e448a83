namespace Serverless.Domain.Models;

/// <summary>One file of a model version (<c>model.bin</c>, or a companion such as <c>popularity.json</c>).</summary>
public sealed record ModelArtifact(string FileName, ReadOnlyMemory<byte> Content)
{
    /// <summary>The main artifact every version has.</summary>
    public const string ModelFileName = "model.bin";
}
