using System.Text;
using Serverless.Learning.Text;
using Xunit;

namespace Serverless.Learning.Tests.Text;

public sealed class FeatureHasherTests
{
    [Theory]
    [InlineData("", 0u, 0x00000000u)]
    [InlineData("", 1u, 0x514E28B7u)]
    [InlineData("Hello, world!", 1234u, 0xFAF6CDB3u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x9747B28Cu, 0x2FA826CDu)]
    public void Matches_the_published_MurmurHash3_x86_32_vectors(string ascii, uint seed, uint expected)
    {
        Assert.Equal(expected, FeatureHasher.Hash(Encoding.ASCII.GetBytes(ascii), seed));
    }

    [Theory]
    [InlineData("订单", 0x2F0B1A01u, 0x479FF4C8u)] // computed with an independent Python implementation
    [InlineData("ab", 0u, 0x165860CAu)]
    public void Text_is_hashed_as_its_utf16_little_endian_bytes(string text, uint seed, uint expected)
    {
        Assert.Equal(expected, FeatureHasher.Hash(text.AsSpan(), seed));
        Assert.Equal(expected, FeatureHasher.Hash(Encoding.Unicode.GetBytes(text), seed));
    }

    [Fact]
    public void Features_are_the_same_in_every_run()
    {
        var model = new HashedTfIdfTrainer().Fit(["where is my order", "我的订单到哪了", "cancel it"]);

        var first = model.Transform("我的order到哪了");
        var second = new HashedTfIdfTrainer().Fit(["where is my order", "我的订单到哪了", "cancel it"]).Transform("我的order到哪了");

        Assert.Equal(first.Indices, second.Indices);
        Assert.Equal(first.Values, second.Values);
        Assert.True(first.Count > 10);
    }
}
