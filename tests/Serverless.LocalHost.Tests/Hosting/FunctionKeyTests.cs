using Serverless.LocalHost.Http;
using Xunit;

namespace Serverless.LocalHost.Tests.Hosting;

public sealed class FunctionKeyTests
{
    [Fact]
    public void Only_the_exact_key_matches()
    {
        var key = new FunctionKey("0123456789abcdef-key");

        Assert.True(key.Matches("0123456789abcdef-key"));
        Assert.False(key.Matches("0123456789abcdef-KEY"));
        Assert.False(key.Matches("0123456789abcdef-key "));
        Assert.False(key.Matches("0123456789abcdef"));
        Assert.False(key.Matches(string.Empty));
        Assert.False(key.Matches(null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("short-key")]
    public void Keys_shorter_than_16_characters_are_refused(string key)
    {
        Assert.Throws<ArgumentException>(() => new FunctionKey(key));
    }
}
