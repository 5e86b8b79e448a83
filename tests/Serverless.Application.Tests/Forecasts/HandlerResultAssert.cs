using Serverless.Application.Common;
using Xunit;

namespace Serverless.Application.Tests.Forecasts;

/// <summary>Unwraps handler results in the forecast tests.</summary>
internal static class HandlerResultAssert
{
    /// <summary>The value of a successful result (the problem's detail as the failure message otherwise).</summary>
    public static T Ok<T>(HandlerResult<T> result)
    {
        Assert.True(result.IsSuccess, result.Problem?.Detail);
        return result.Value!;
    }

    /// <summary>The one field a 400 problem names.</summary>
    public static string Field<T>(HandlerResult<T> result)
    {
        Assert.Equal(400, result.Status);
        return Assert.Single(result.Problem!.Errors!).Key;
    }
}
