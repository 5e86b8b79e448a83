namespace Serverless.Application.Hosting;

/// <summary>
/// One function of the product: its name, its trigger and the Application handler it calls. Exactly one of
/// <see cref="Http"/>, <see cref="Queue"/> and <see cref="Timer"/> is set, the one <see cref="Trigger"/> names.
/// Create entries with <see cref="ForHttp"/>, <see cref="ForQueue"/> and <see cref="ForTimer"/>.
/// </summary>
public sealed record FunctionDefinition
{
    private FunctionDefinition(string name, TriggerKind trigger, Type handlerType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handlerType);
        Name = name;
        Trigger = trigger;
        HandlerType = handlerType;
    }

    public string Name { get; }

    public TriggerKind Trigger { get; }

    /// <summary>The sealed handler in Serverless.Application the function calls (one handler per function).</summary>
    public Type HandlerType { get; }

    public HttpBinding? Http { get; private init; }

    public QueueBinding? Queue { get; private init; }

    public TimerBinding? Timer { get; private init; }

    /// <param name="method">An HTTP method, upper case (<c>GET</c>, <c>POST</c>, ...).</param>
    /// <param name="route">The route without the host's prefix and without a leading slash, e.g. <c>users/{userId}/profile</c>.</param>
    public static FunctionDefinition ForHttp(
        string name,
        string method,
        string route,
        Type handlerType,
        HttpAuthorization authorization = HttpAuthorization.Function)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(route);
        if (method != method.ToUpperInvariant())
        {
            throw new ArgumentException("The HTTP method must be upper case.", nameof(method));
        }

        if (route.StartsWith('/') || route.EndsWith('/'))
        {
            throw new ArgumentException("The route must not start or end with '/'.", nameof(route));
        }

        return new FunctionDefinition(name, TriggerKind.Http, handlerType) { Http = new HttpBinding(method, route, authorization) };
    }

    public static FunctionDefinition ForQueue(string name, string queueNameSetting, string defaultQueueName, Type handlerType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueNameSetting);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultQueueName);
        return new FunctionDefinition(name, TriggerKind.Queue, handlerType) { Queue = new QueueBinding(queueNameSetting, defaultQueueName) };
    }

    public static FunctionDefinition ForTimer(string name, string scheduleSetting, string defaultSchedule, Type handlerType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheduleSetting);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultSchedule);
        return new FunctionDefinition(name, TriggerKind.Timer, handlerType) { Timer = new TimerBinding(scheduleSetting, defaultSchedule) };
    }
}
