using Serverless.Domain.Events;

namespace Serverless.Cli.Events;

/// <summary>Counts what flows past on the way to the host: customers, events, purchase lines and revenue.</summary>
internal sealed class EventTally
{
    private readonly HashSet<string> _customers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _currencies = new(StringComparer.Ordinal);

    public int Customers => _customers.Count;

    public int Events { get; private set; }

    public long Lines { get; private set; }

    /// <summary>Sum of the purchase lines (quantity x unit price).</summary>
    public decimal Revenue { get; private set; }

    /// <summary>The purchases' currency, or null when there is none or several.</summary>
    public string? Currency => _currencies.Count == 1 ? _currencies.First() : null;

    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    public IEnumerable<BehaviorEvent> Observe(IEnumerable<BehaviorEvent> events)
    {
        foreach (var item in events)
        {
            Add(item);
            yield return item;
        }
    }

    private void Add(BehaviorEvent item)
    {
        Events++;
        _customers.Add(item.UserId);
        if (First is null || item.OccurredAt < First)
        {
            First = item.OccurredAt;
        }

        if (Last is null || item.OccurredAt > Last)
        {
            Last = item.OccurredAt;
        }

        if (item is { Type: BehaviorEventType.Purchase, Lines: { } lines })
        {
            Lines += lines.Count;
            Revenue += lines.Sum(line => line.Total);
            if (item.Currency is { } currency)
            {
                _currencies.Add(currency);
            }
        }
    }
}
