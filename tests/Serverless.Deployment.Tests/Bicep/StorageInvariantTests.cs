using System.Reflection;
using System.Text.RegularExpressions;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Archive;
using Xunit;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// Check 3 (Storage): every queue of <see cref="QueueNames"/>, the poison twin of every queue a function consumes,
/// every blob container the code uses (archive, models, ...) and the Flex deployment container are declared; names are
/// valid Storage names.
/// </summary>
public sealed partial class StorageInvariantTests
{
    private const string ModulePath = "modules/storage.bicep";

    [Fact]
    public void EveryQueueOfTheCodeIsDeclared()
    {
        var declared = DeclaredNames("Microsoft.Storage/storageAccounts/queueServices/queues");
        var queues = typeof(QueueNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(queues);
        Assert.All(queues, queue => Assert.Contains(queue, declared));
    }

    [Fact]
    public void EveryQueueAFunctionConsumesAndItsPoisonQueueAreDeclared()
    {
        var declared = DeclaredNames("Microsoft.Storage/storageAccounts/queueServices/queues");
        var consumed = FunctionTriggerBindings.Scan(SourceConstants.Load(FunctionTriggerBindings.SourceFolder))
            .Where(b => b.Trigger == "QueueTrigger")
            .Select(b => (Binding: b, Queue: QueueName(b)))
            .ToList();

        Assert.NotEmpty(consumed);
        foreach (var (binding, queue) in consumed)
        {
            Assert.True(declared.Contains(queue), $"{binding} reads '{queue}', which infra/{ModulePath} does not declare.");
            Assert.True(declared.Contains(QueueNames.Poison(queue)), $"{binding}: the poison queue '{QueueNames.Poison(queue)}' is not declared.");
        }
    }

    [Fact]
    public void EveryBlobContainerOfTheCodeAndTheDeploymentContainerAreDeclaredPrivate()
    {
        var deployment = BicepDeployment.Infrastructure;
        var template = deployment.Template(ModulePath);
        var containers = template.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        var declared = DeclaredNames("Microsoft.Storage/storageAccounts/blobServices/containers");
        var used = CodeBlobContainers();

        Assert.Contains((typeof(EventArchiveOptions).Name, "ContainerName", "archive"), used);
        Assert.All(used, c => Assert.True(declared.Contains(c.Container), $"{c.Options}.{c.Property} defaults to '{c.Container}', which infra/{ModulePath} does not declare."));
        Assert.Contains(DeploymentContainer(), declared);
        Assert.NotEmpty(containers);
        Assert.All(containers, c => Assert.Equal(
            "None",
            BicepObjects.Path(c.Body, "properties", "publicAccess") is { } access ? BicepObjects.StringLiteral(access) : null));
    }

    [Fact]
    public void EveryQueueAndContainerNameIsAValidStorageName()
    {
        // Queues and containers: 3-63 characters, lower-case letters, digits and single hyphens, starting and ending
        // with a letter or digit.
        var names = DeclaredNames("Microsoft.Storage/storageAccounts/queueServices/queues")
            .Concat(DeclaredNames("Microsoft.Storage/storageAccounts/blobServices/containers"))
            .ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Matches(StorageName(), name));
    }

    /// <summary>
    /// The blob containers Serverless.Infrastructure uses by default: every public string property named
    /// <c>...ContainerName</c> of its options classes (archive, model registry, training data, ...).
    /// </summary>
    private static List<(string Options, string Property, string Container)> CodeBlobContainers() =>
        [.. typeof(EventArchiveOptions).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(string) && p.Name.EndsWith("ContainerName", StringComparison.Ordinal))
                .Select(p => (t.Name, p.Name, (string)p.GetValue(Activator.CreateInstance(t))!)))];

    /// <summary>The container functionAppConfig.deployment.storage.value points at (the text after the blob endpoint).</summary>
    private static string DeploymentContainer()
    {
        var template = FunctionAppSettings.Template;
        var site = Assert.Single(template.ResourcesOfType("Microsoft.Web/sites"), r => !r.IsExisting);
        var value = BicepObjects.Path(site.Body, "properties", "functionAppConfig", "deployment", "storage", "value");
        Assert.NotNull(value);
        var rendered = BicepExpressions.Render(value, FunctionAppSettings.Scope);
        const string endpoint = "${storage.properties.primaryEndpoints.blob}";
        Assert.StartsWith(endpoint, rendered, StringComparison.Ordinal);
        return rendered[endpoint.Length..];
    }

    private static HashSet<string> DeclaredNames(string type)
    {
        var deployment = BicepDeployment.Infrastructure;
        var template = deployment.Template(ModulePath);
        return template.ResourcesOfType(type)
            .SelectMany(r => deployment.EvaluatePerInstance(template, r, BicepObjects.Property(r.Body, "name")!))
            .Cast<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The queue a trigger reads: its literal name, or the value of the %Setting% it names in the app settings.</summary>
    private static string QueueName(FunctionTriggerBinding binding)
    {
        var settings = binding.SettingReferences;
        if (settings.Count == 0)
        {
            return binding.Value;
        }

        var setting = Assert.Single(settings);
        var value = FunctionAppSettings.StaticValue(FunctionAppSettings.SettingName(setting));
        Assert.True(value is not null, $"{binding}: app setting {setting} is missing or not a static value.");
        return binding.Value.Replace($"%{setting}%", value, StringComparison.Ordinal);
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex StorageName();
}
