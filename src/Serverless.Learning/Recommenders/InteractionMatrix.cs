namespace Serverless.Learning.Recommenders;

/// <summary>
/// The user-item matrix of summed interaction weights in compressed sparse rows, both user-major and item-major.
/// Users and items are sorted ordinally so training is deterministic whatever the input order.
/// </summary>
internal sealed class InteractionMatrix
{
    private InteractionMatrix(
        string[] users, string[] items, int[] userOffsets, int[] userItems, float[] userValues,
        int[] itemOffsets, int[] itemUsers, float[] itemValues, DateTimeOffset latest)
    {
        Users = users;
        Items = items;
        UserOffsets = userOffsets;
        UserItems = userItems;
        UserValues = userValues;
        ItemOffsets = itemOffsets;
        ItemUsers = itemUsers;
        ItemValues = itemValues;
        Latest = latest;
    }

    public string[] Users { get; }

    public string[] Items { get; }

    public int[] UserOffsets { get; }

    public int[] UserItems { get; }

    public float[] UserValues { get; }

    public int[] ItemOffsets { get; }

    public int[] ItemUsers { get; }

    public float[] ItemValues { get; }

    /// <summary>The latest interaction timestamp.</summary>
    public DateTimeOffset Latest { get; }

    public int UserCount => Users.Length;

    public int ItemCount => Items.Length;

    public int NonZeroCount => UserItems.Length;

    public ReadOnlySpan<int> ItemsOf(int user) => UserItems.AsSpan(UserOffsets[user], UserOffsets[user + 1] - UserOffsets[user]);

    public ReadOnlySpan<float> ValuesOfUser(int user) =>
        UserValues.AsSpan(UserOffsets[user], UserOffsets[user + 1] - UserOffsets[user]);

    /// <summary>
    /// Sums the weights per user-item pair; pairs whose sum is not positive are dropped. Throws on a null entry, an
    /// empty id or a weight that is negative or not finite, naming the parameter.
    /// </summary>
    public static InteractionMatrix Build(IReadOnlyList<Interaction> interactions, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(interactions, parameterName);
        var userIds = new HashSet<string>(StringComparer.Ordinal);
        var itemIds = new HashSet<string>(StringComparer.Ordinal);
        var latest = DateTimeOffset.MinValue;
        foreach (var interaction in interactions)
        {
            Validate(interaction, parameterName);
            userIds.Add(interaction.UserId);
            itemIds.Add(interaction.ItemId);
            if (interaction.Timestamp > latest)
            {
                latest = interaction.Timestamp;
            }
        }

        var users = userIds.Order(StringComparer.Ordinal).ToArray();
        var items = itemIds.Order(StringComparer.Ordinal).ToArray();
        var userIndex = Index(users);
        var itemIndex = Index(items);
        // Sort (user, item) keys with their weights, then sum runs of equal keys: no per-pair dictionary.
        var rawKeys = new long[interactions.Count];
        var rawWeights = new double[interactions.Count];
        for (var n = 0; n < interactions.Count; n++)
        {
            var interaction = interactions[n];
            rawKeys[n] = ((long)userIndex[interaction.UserId] << 32) | (uint)itemIndex[interaction.ItemId];
            rawWeights[n] = interaction.Weight;
        }

        Array.Sort(rawKeys, rawWeights);
        var keyList = new List<long>(rawKeys.Length);
        var sumList = new List<double>(rawKeys.Length);
        for (var n = 0; n < rawKeys.Length;)
        {
            var key = rawKeys[n];
            var sum = 0.0;
            for (; n < rawKeys.Length && rawKeys[n] == key; n++)
            {
                sum += rawWeights[n];
            }

            if (sum > 0)
            {
                keyList.Add(key);
                sumList.Add(sum);
            }
        }

        var keys = keyList.ToArray();
        var userOffsets = new int[users.Length + 1];
        var userItems = new int[keys.Length];
        var userValues = new float[keys.Length];
        var itemCounts = new int[items.Length + 1];
        for (var n = 0; n < keys.Length; n++)
        {
            var user = (int)(keys[n] >> 32);
            var item = (int)(keys[n] & 0xFFFFFFFF);
            userOffsets[user + 1]++;
            userItems[n] = item;
            userValues[n] = (float)sumList[n];
            itemCounts[item + 1]++;
        }

        for (var u = 0; u < users.Length; u++)
        {
            userOffsets[u + 1] += userOffsets[u];
        }

        var itemOffsets = new int[items.Length + 1];
        for (var i = 0; i < items.Length; i++)
        {
            itemOffsets[i + 1] = itemOffsets[i] + itemCounts[i + 1];
        }

        var cursor = itemOffsets[..^1];
        var itemUsers = new int[keys.Length];
        var itemValues = new float[keys.Length];
        for (var u = 0; u < users.Length; u++)
        {
            for (var n = userOffsets[u]; n < userOffsets[u + 1]; n++)
            {
                var slot = cursor[userItems[n]]++;
                itemUsers[slot] = u;
                itemValues[slot] = userValues[n];
            }
        }

        return new InteractionMatrix(
            users, items, userOffsets, userItems, userValues, itemOffsets, itemUsers, itemValues, latest);
    }

    private static void Validate(Interaction? interaction, string parameterName)
    {
        if (interaction is null)
        {
            throw new ArgumentException("An interaction is null.", parameterName);
        }

        if (string.IsNullOrEmpty(interaction.UserId) || string.IsNullOrEmpty(interaction.ItemId))
        {
            throw new ArgumentException(
                $"An interaction has an empty {(string.IsNullOrEmpty(interaction.UserId) ? nameof(Interaction.UserId) : nameof(Interaction.ItemId))}.",
                parameterName);
        }

        if (!double.IsFinite(interaction.Weight) || interaction.Weight < 0)
        {
            throw new ArgumentException(
                $"Interaction ({interaction.UserId}, {interaction.ItemId}) has {nameof(Interaction.Weight)} {interaction.Weight}; weights must be finite and not negative.",
                parameterName);
        }
    }

    private static Dictionary<string, int> Index(string[] ids)
    {
        var index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            index[ids[i]] = i;
        }

        return index;
    }
}
