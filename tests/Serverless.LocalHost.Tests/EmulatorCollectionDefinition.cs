using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>Shares one <see cref="EmulatorFixture"/> across this assembly's storage tests.</summary>
[CollectionDefinition(EmulatorCollection.Name)]
public sealed class EmulatorCollectionDefinition : ICollectionFixture<EmulatorFixture>;
