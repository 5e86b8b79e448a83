namespace Serverless.Infrastructure.Storage;

/// <summary>How message text travels inside <c>&lt;MessageText&gt;</c>.</summary>
public enum QueueMessageEncoding
{
    /// <summary>UTF-8 bytes in base64: what the Azure Functions queue trigger expects by default.</summary>
    Base64,

    /// <summary>The text itself (XML-escaped).</summary>
    None,
}
