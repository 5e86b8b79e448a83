using Serverless.Domain.Orders;

namespace Serverless.Application.Support;

/// <summary>Either the order a message is about, or the reply to give instead (sign in, no orders, which order?).</summary>
public sealed record OrderResolution(Order? Order, DialogueReply? Reply)
{
    public static OrderResolution Found(Order order) => new(order, null);

    public static OrderResolution Answer(DialogueReply reply) => new(null, reply);
}
