namespace Serverless.Cli.Tests.Datasets;

/// <summary>A small hand-written CSV in the temp folder (edge cases the real sample lacks), deleted on dispose.</summary>
internal sealed class TemporaryCsv : IDisposable
{
    public TemporaryCsv(IEnumerable<string> lines)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"online-retail-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(Path, lines);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
