namespace Serverless.Infrastructure.Cosmos;

/// <summary>The containers of the marketing database.</summary>
internal static class ContainerNames
{
    public const string Profiles = "profiles";
    public const string Events = "events";
    public const string Orders = "orders";
    public const string Catalog = "catalog";
    public const string Segments = "segments";
    public const string Conversations = "conversations";
    public const string Forecasts = "forecasts";
}
