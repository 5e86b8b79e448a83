namespace Serverless.Application.Common;

/// <summary>
/// What an HTTP use case answers: a status code with either a body or a <see cref="Problem"/>. Hosts map it to a
/// response without any logic of their own (JSON body with <c>DomainJson.Options</c>; problems as application/problem+json).
/// </summary>
public sealed record HandlerResult<T>
{
    private HandlerResult(int status, T? value, Problem? problem)
    {
        Status = status;
        Value = value;
        Problem = problem;
    }

    public int Status { get; }

    public T? Value { get; }

    public Problem? Problem { get; }

    public bool IsSuccess => Problem is null;

    public static HandlerResult<T> Ok(T value) => new(200, value, null);

    public static HandlerResult<T> Accepted(T value) => new(202, value, null);

    /// <summary>A body with a status other than 200/202 (e.g. 503 from the health check, which still reports each dependency).</summary>
    public static HandlerResult<T> WithStatus(int status, T value) => new(status, value, null);

    public static HandlerResult<T> Fail(Problem problem) => new(problem.Status, default, problem);

    public static implicit operator HandlerResult<T>(Problem problem) => Fail(problem);
}
