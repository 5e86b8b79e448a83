namespace Serverless.Cli.Tests.Recommendations;

/// <summary>A fresh folder in the temp directory for a command's input and output files, deleted on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("recs-cli-").FullName;

    public string Write(string name, params string[] lines)
    {
        var path = File(name);
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
