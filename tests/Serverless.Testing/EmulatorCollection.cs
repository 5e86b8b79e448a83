namespace Serverless.Testing;

/// <summary>
/// Name of the xunit collection that shares one <see cref="EmulatorFixture"/>. xunit needs the collection definition in
/// each test assembly, so every test project that talks to storage declares
/// <c>[CollectionDefinition(EmulatorCollection.Name)] public sealed class EmulatorCollectionDefinition : ICollectionFixture&lt;EmulatorFixture&gt;;</c>
/// </summary>
public static class EmulatorCollection
{
    public const string Name = "emulators";
}
