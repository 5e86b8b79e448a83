namespace Serverless.LocalHost.Tests.EndToEnd.Support;

/// <summary>The file support-conversations.json.</summary>
public sealed record ConversationScript(string Description, IReadOnlyList<ScriptedConversation> Conversations);
