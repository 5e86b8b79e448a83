namespace Serverless.Domain.Orders;

public sealed record OrderStatusChange(string Status, DateTimeOffset At, string EventId);
