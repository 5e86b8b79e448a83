namespace Serverless.Learning.Text;

/// <summary>What kind of characters a token holds.</summary>
public enum TokenScript
{
    /// <summary>Letters, digits or marks of a space-separated script.</summary>
    Word,

    /// <summary>A run of CJK ideographs or kana, written without spaces between words.</summary>
    Cjk,
}
