using Briefings.Core.Conclusions;
using Briefings.Web.Features.FollowUp;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>A document's name as the lists show it is read once per number (issue 14.5) and stays what
/// <see cref="DocumentNumber.Named"/> says for every kind of number.</summary>
public sealed class FollowUpTextTests
{
    [Theory]
    [InlineData("04-KL/HU")]
    [InlineData("Số 07-KL/HU")]
    [InlineData("123/TB-UBND")]
    [InlineData("45/UBND-VP")]
    [InlineData("không phải số")]
    [InlineData("<script>alert(1)</script>")]
    public void Document_AskedTwice_SameNameAsTheNumberSaysAndReadOnce(string number)
    {
        var first = FollowUpText.Document(number);
        var second = FollowUpText.Document(new string(number.AsSpan()));

        Assert.Equal(DocumentNumber.Named(number), first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Document_TwoNumbersOfOneIssuer_EachItsOwnName()
    {
        Assert.Equal("Kết luận số 04-KL/HU", FollowUpText.Document("04-KL/HU"));
        Assert.Equal(DocumentNumber.Named("05-TB/HU"), FollowUpText.Document("05-TB/HU"));
        Assert.NotEqual(FollowUpText.Document("04-KL/HU"), FollowUpText.Document("05-TB/HU"));
    }
}
