namespace Serverless.LocalHost.Http;

/// <summary>
/// Turns an unhandled exception into a 500 problem without any detail of the exception (it is logged instead), and
/// Kestrel's request errors (unreadable or oversized requests) into problems with their own status.
/// </summary>
public sealed class ProblemExceptionMiddleware(RequestDelegate next, ILogger<ProblemExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            logger.LogInformation("Bad request {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, exception.Message);
            await ProblemResponses.WriteAsync(context, ProblemResponses.BadRequest(exception.StatusCode, exception.Message));
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await ProblemResponses.WriteAsync(context, ProblemResponses.InternalError());
        }
    }
}
