using Pipeline.Analyzers.Quotes.Learning;
using Xunit;

namespace Pipeline.Analyzers.Tests.Quotes;

public class HashSet32Tests
{
    [Fact]
    public void Holds_its_values_including_zero_and_no_others()
    {
        // 0, 1 and 2 are in the set, so the empty-slot marker must be some other value (3 is taken too).
        int[] values = [0, 1, 2, -1, int.MinValue, int.MaxValue, .. Enumerable.Range(0, 500).Select(i => i * 7919 + 3)];
        var set = new HashSet32(values);
        Assert.All(values, v => Assert.True(set.Contains(v), $"{v} should be in the set"));
        int[] others = [4, 6, -2, int.MinValue + 1, .. Enumerable.Range(0, 500).Select(i => i * 7919 + 5)];
        Assert.All(others, v => Assert.False(set.Contains(v), $"{v} should not be in the set"));
        Assert.False(new HashSet32([]).Contains(0));
    }
}
