namespace Serverless.LocalHost.Tests.EndToEnd.Support;

/// <summary>One scripted message and what its reply must show.</summary>
public sealed record ScriptedTurn(
    string Message,
    string? Dialogue,
    IReadOnlyList<string>? Actions,
    IReadOnlyList<string>? Facts,
    IReadOnlyList<string>? Sources,
    bool Handoff);
