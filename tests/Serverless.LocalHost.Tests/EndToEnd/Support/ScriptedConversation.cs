namespace Serverless.LocalHost.Tests.EndToEnd.Support;

/// <summary>One scripted conversation of support-conversations.json: a seeded shopper (or nobody) and the turns.</summary>
public sealed record ScriptedConversation(string Name, string? User, IReadOnlyList<ScriptedTurn> Turns);
