namespace Serverless.Cli;

/// <summary>Reports on the caller's thread (unlike Progress&lt;T&gt;, which posts), so a final report is never lost.</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
