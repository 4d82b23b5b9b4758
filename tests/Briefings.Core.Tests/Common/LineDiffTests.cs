using Briefings.Core.Common;

namespace Briefings.Core.Tests.Common;

public sealed class LineDiffTests
{
    [Fact]
    public void Compare_ChangedLine_RemovedThenAddedBetweenSameLines()
    {
        var diff = LineDiff.Compare("I. Đánh giá\n1. Cũ\n2. Giữ", "I. Đánh giá\n1. Mới\n2. Giữ");

        Assert.Equal(
            [new(DiffKind.Same, "I. Đánh giá"), new(DiffKind.Removed, "1. Cũ"), new(DiffKind.Added, "1. Mới"), new DiffLine(DiffKind.Same, "2. Giữ")],
            diff);
    }

    [Fact]
    public void Compare_InsertedAndDeletedLines_KeepsCommonLinesInOrder()
    {
        var diff = LineDiff.Compare("a\nb\nc\nd", "a\nx\nc\nd\ne");

        Assert.Equal("a,-b,+x,c,d,+e", string.Join(',', diff.Select(l => l.Kind switch
        {
            DiffKind.Removed => "-" + l.Text,
            DiffKind.Added => "+" + l.Text,
            _ => l.Text,
        })));
    }

    [Fact]
    public void Compare_FromNothing_AllAdded()
    {
        var diff = LineDiff.Compare(null, "a\nb");

        Assert.All(diff, l => Assert.Equal(DiffKind.Added, l.Kind));
        Assert.Equal(2, diff.Count);
    }
}
