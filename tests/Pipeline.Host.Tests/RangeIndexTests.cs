using Pipeline.Sdk;

namespace Pipeline.Host.Tests;

public class RangeIndexTests
{
    [Fact]
    public void Near_finds_every_item_covering_the_range_once_and_in_order()
    {
        var index = new RangeIndex(length: 1000, bucketShift: 4);
        index.Add(0, 0, 1000);   // covers everything, in every bucket
        index.Add(1, 100, 110);
        index.Add(2, 500, 520);  // spans two buckets
        index.Add(3, 900, 901);
        var near = new List<int>();

        index.Near(505, 515, near);
        Assert.Equal([0, 2], near);
        index.Near(100, 101, near);
        Assert.Equal([0, 1], near);
        index.Near(0, 1000, near);
        Assert.Equal([0, 1, 2, 3], near);
        index.Near(300, 301, near);
        Assert.Equal([0], near);
    }

    [Fact]
    public void Positions_past_the_length_find_nothing_new()
    {
        var index = new RangeIndex(length: 10, bucketShift: 2);
        index.Add(0, 8, 10);
        var near = new List<int>();
        index.Near(50, 60, near);
        Assert.Empty(near);
        index.Near(9, 12, near);
        Assert.Equal([0], near);
    }
}
