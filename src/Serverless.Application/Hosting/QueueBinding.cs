namespace Serverless.Application.Hosting;

/// <summary>
/// A queue trigger: the app setting naming the queue (bound as <c>%Setting%</c>), the name used when the setting is
/// absent, and the storage connection setting.
/// </summary>
public sealed record QueueBinding(string QueueNameSetting, string DefaultQueueName, string Connection = FunctionSettings.StorageConnection);
