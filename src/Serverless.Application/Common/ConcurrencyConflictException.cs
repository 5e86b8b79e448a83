namespace Serverless.Application.Common;

/// <summary>
/// A document kept changing under us for <see cref="OptimisticConcurrency.MaxAttempts"/> attempts. Transient: the
/// queue delivers the message again later.
/// </summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
