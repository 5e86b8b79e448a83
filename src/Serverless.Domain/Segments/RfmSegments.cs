namespace Serverless.Domain.Segments;

/// <summary>
/// The standard RFM segments. A purchaser is classified on R and FM = round-half-up((F + M) / 2) with a complete
/// 5x5 grid, so every score combination lands in exactly one segment; users without a purchase are prospects.
/// </summary>
/// <remarks>
/// <code>
///        FM1             FM2                  FM3                  FM4            FM5
/// R5     new-customers   potential-loyalists  potential-loyalists  champions      champions
/// R4     promising       potential-loyalists  potential-loyalists  loyal          loyal
/// R3     about-to-sleep  about-to-sleep       need-attention       loyal          loyal
/// R2     hibernating     hibernating          at-risk              at-risk        cant-lose-them
/// R1     lost            lost                 at-risk              at-risk        cant-lose-them
/// </code>
/// </remarks>
public static class RfmSegments
{
    public const string ProspectsId = "prospects";

    public static SegmentDefinition Champions { get; } = new("champions", "Champions", "R 5 and FM 4-5");

    public static SegmentDefinition Loyal { get; } = new("loyal", "Loyal", "R 3-4 and FM 4-5");

    public static SegmentDefinition PotentialLoyalists { get; } = new("potential-loyalists", "Potential loyalists", "R 4-5 and FM 2-3");

    public static SegmentDefinition NewCustomers { get; } = new("new-customers", "New customers", "R 5 and FM 1");

    public static SegmentDefinition Promising { get; } = new("promising", "Promising", "R 4 and FM 1");

    public static SegmentDefinition NeedAttention { get; } = new("need-attention", "Need attention", "R 3 and FM 3");

    public static SegmentDefinition AboutToSleep { get; } = new("about-to-sleep", "About to sleep", "R 3 and FM 1-2");

    public static SegmentDefinition AtRisk { get; } = new("at-risk", "At risk", "R 1-2 and FM 3-4");

    public static SegmentDefinition CantLoseThem { get; } = new("cant-lose-them", "Can't lose them", "R 1-2 and FM 5");

    public static SegmentDefinition Hibernating { get; } = new("hibernating", "Hibernating", "R 2 and FM 1-2");

    public static SegmentDefinition Lost { get; } = new("lost", "Lost", "R 1 and FM 1-2");

    public static SegmentDefinition Prospects { get; } = new(ProspectsId, "Prospects", "no purchase yet");

    /// <summary>Every segment, prospects last.</summary>
    public static IReadOnlyList<SegmentDefinition> All { get; } =
    [
        Champions, Loyal, PotentialLoyalists, NewCustomers, Promising, NeedAttention,
        AboutToSleep, AtRisk, CantLoseThem, Hibernating, Lost, Prospects,
    ];

    // Rows R5..R1, columns FM1..FM5 (see the table above).
    private static readonly SegmentDefinition[][] Grid =
    [
        [NewCustomers, PotentialLoyalists, PotentialLoyalists, Champions, Champions],
        [Promising, PotentialLoyalists, PotentialLoyalists, Loyal, Loyal],
        [AboutToSleep, AboutToSleep, NeedAttention, Loyal, Loyal],
        [Hibernating, Hibernating, AtRisk, AtRisk, CantLoseThem],
        [Lost, Lost, AtRisk, AtRisk, CantLoseThem],
    ];

    private static readonly Dictionary<string, SegmentDefinition> ById = All.ToDictionary(s => s.Id, StringComparer.Ordinal);

    /// <summary>FM = round-half-up((F + M) / 2).</summary>
    public static int CombineFrequencyAndMonetary(int f, int m) => (f + m + 1) / 2;

    public static SegmentDefinition Classify(int r, int f, int m)
    {
        RequireScore(r, nameof(r));
        RequireScore(f, nameof(f));
        RequireScore(m, nameof(m));
        return Grid[5 - r][CombineFrequencyAndMonetary(f, m) - 1];
    }

    public static SegmentDefinition? Find(string? id) => id is not null && ById.TryGetValue(id, out var definition) ? definition : null;

    private static void RequireScore(int score, string name)
    {
        if (score is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(name, score, "RFM scores are 1 to 5.");
        }
    }
}
