namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// A trigger attribute of src/Serverless.Functions: <c>[QueueTrigger(queue, Connection = ...)]</c> or
/// <c>[TimerTrigger(schedule)]</c>, with its first argument and connection resolved to their constant values.
/// </summary>
public sealed record FunctionTriggerBinding(string File, int Line, string Trigger, string Value, string? Connection)
{
    /// <summary>The app settings the value binds, written <c>%Setting%</c> in the attribute.</summary>
    public IReadOnlyList<string> SettingReferences => [.. FunctionTriggerBindings.SettingReferences(Value)];

    public override string ToString() => $"{File} line {Line}: [{Trigger}(\"{Value}\"{(Connection is null ? "" : $", Connection = \"{Connection}\"")})]";
}
