namespace Serverless.Domain.Ports;

/// <summary>Storage queue names; each consumed queue has a <c>&lt;name&gt;-poison</c> twin.</summary>
public static class QueueNames
{
    public const string Events = "events";
    public const string Catalog = "catalog";
    public const string SegmentChanges = "segment-changes";
    public const string Rescore = "rescore";
    public const string Handoff = "handoff";
    public const string ForecastRequests = "forecast-requests";

    public static string Poison(string queueName) => queueName + "-poison";
}
