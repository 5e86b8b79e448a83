namespace Serverless.Application.Support;

/// <summary>Whether a language model may reword the grounded template reply.</summary>
public enum ReplyGeneration
{
    /// <summary>Template replies only.</summary>
    Off,

    /// <summary>An IChatClient rewords the reply from the retrieved facts only; sources are kept.</summary>
    Rephrase,
}
