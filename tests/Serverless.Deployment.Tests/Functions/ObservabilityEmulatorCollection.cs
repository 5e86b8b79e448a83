using Serverless.Testing;
using Xunit;

namespace Serverless.Deployment.Tests.Functions;

/// <summary>
/// The emulators for this assembly's host tests. They use queues of their own (through the queue name settings), so
/// they need not be serialised with the end-to-end tests of other assemblies that use the fixed names.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ObservabilityEmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "deployment-emulators";
}
