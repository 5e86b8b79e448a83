namespace Serverless.LocalHost.Tests.Hosting;

/// <summary>Waits for a condition that background work makes true, failing with a description after a timeout.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string description)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout}: {description}");
            }

            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string description) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, description);
}
