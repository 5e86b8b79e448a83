namespace Serverless.Domain.Ports;

/// <summary>One dependency the health endpoint checks.</summary>
public interface IHealthProbe
{
    string Name { get; }

    /// <summary>Throws or returns false when the dependency does not answer.</summary>
    Task<bool> CheckAsync(CancellationToken cancellationToken);
}
