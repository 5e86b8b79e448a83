using System.Diagnostics;

namespace Serverless.Cli.Recommendations;

/// <summary>
/// Peak resident memory of a step above the level before it. On Linux the kernel's high-water mark (VmHWM) is reset
/// through /proc/self/clear_refs at the start, which is exact; elsewhere a background thread samples the working set
/// every 5 ms (a spike shorter than that can be missed). The Python peers measure the same way.
/// </summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private const string StatusPath = "/proc/self/status";
    private readonly Thread _thread;
    private readonly long _baseline;
    private readonly bool _kernelPeak;
    private volatile bool _stopped;
    private long _peak;

    private PeakMemorySampler()
    {
        _baseline = WorkingSet();
        _peak = _baseline;
        _kernelPeak = TryResetKernelPeak();
        _thread = new Thread(Run) { IsBackground = true, Name = "peak-memory-sampler" };
        _thread.Start();
    }

    /// <summary>Collects garbage first so the baseline does not include the previous step's leftovers.</summary>
    public static PeakMemorySampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new PeakMemorySampler();
    }

    /// <summary>Stops measuring and returns the peak resident memory above the baseline, in bytes.</summary>
    public long Stop()
    {
        _stopped = true;
        _thread.Join();
        Observe(WorkingSet());
        if (_kernelPeak && ReadStatusKibibytes("VmHWM") is { } highWaterMark)
        {
            Observe(highWaterMark * 1024);
        }

        return Math.Max(0, Interlocked.Read(ref _peak) - _baseline);
    }

    public void Dispose()
    {
        if (!_stopped)
        {
            Stop();
        }
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static bool TryResetKernelPeak()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? ReadStatusKibibytes(string field)
    {
        foreach (var line in File.ReadLines(StatusPath))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries);
                return parts.Length >= 2 && long.TryParse(parts[1], out var value) ? value : null;
            }
        }

        return null;
    }

    private void Run()
    {
        while (!_stopped)
        {
            Observe(WorkingSet());
            Thread.Sleep(5);
        }
    }

    private void Observe(long current)
    {
        long peak;
        do
        {
            peak = Interlocked.Read(ref _peak);
        }
        while (current > peak && Interlocked.CompareExchange(ref _peak, current, peak) != peak);
    }
}
