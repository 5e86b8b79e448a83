namespace Serverless.Testing;

/// <summary>Finds the repository root (the folder holding Serverless.sln) from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The shared datasets folder beside the repository (read in place, never copied).</summary>
    public static string Datasets => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared", "datasets"));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Serverless.sln not found above {AppContext.BaseDirectory}.");
    }
}
