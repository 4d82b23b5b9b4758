using Briefings.Core.Conclusions;

namespace Briefings.Core.Tests.Conclusions;

public sealed class ConclusionTests
{
    private static readonly Guid Issuer = Guid.CreateVersion7();
    private static readonly Guid Signer = Guid.CreateVersion7();
    private static readonly Guid Lead = Guid.CreateVersion7();
    private static readonly DateTimeOffset At = new(2026, 4, 15, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly IssueDay = new(2026, 4, 15);

    private static Conclusion Draft(bool withSigner = true, Deadline? deadline = null)
    {
        var conclusion = Conclusion.Create(Issuer, "KL", "KẾT LUẬN", "Hội nghị giao ban quý I năm 2026").Value!;
        Assert.Null(conclusion.SetBody(
            [new BodySection { Order = 1, Numeral = "I", Title = "Đánh giá" }],
            [new BodyItem { SectionOrder = 1, Number = 1, Text = "Giao Ban Dân vận Huyện ủy rà soát." }],
            [new Directive { SectionOrder = 1, ItemNumber = 1, LeadUnitId = Lead, Deadline = deadline ?? Deadline.InMonth(2026, 5) }]));
        Assert.Null(conclusion.SetRecipients([(Lead, "Ban Dân vận Huyện ủy"), (null, "Lưu VPHU")]));
        if (withSigner)
        {
            Assert.Null(conclusion.SetSigner(Signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
        }

        return conclusion;
    }

    private static Conclusion Approved(bool withSigner = true, Deadline? deadline = null)
    {
        var conclusion = Draft(withSigner, deadline);
        Assert.Null(conclusion.Submit("vanphong", At));
        Assert.Null(conclusion.Approve("bithu", At));
        return conclusion;
    }

    [Fact]
    public void BringIn_Draft_KeepsItsNumberDateAndSignerOutsideTheLiveRegister()
    {
        var conclusion = Draft(withSigner: false);

        var error = conclusion.BringIn(DocumentNumber.Party(7, "KL", "HU"), new DateOnly(2017, 4, 11), "Nguyễn Văn Cũ", "vanphong", At, IssueDay);

        Assert.Null(error);
        Assert.Equal((ConclusionStatus.Issued, true, "07-KL/HU", new DateOnly(2017, 4, 11), "Nguyễn Văn Cũ"),
            (conclusion.Status, conclusion.IsBroughtIn, conclusion.Number!.Value.ToString(), conclusion.IssuedOn!.Value, conclusion.SignerName));
        Assert.Equal("lich-su-2017", conclusion.PeriodKey);
        Assert.Equal(IssueDay, conclusion.FollowUpFrom);
    }

    [Fact]
    public void BringIn_FollowUpBeforeTheDocumentDate_Refused()
    {
        var conclusion = Draft();

        var error = conclusion.BringIn(DocumentNumber.Party(7, "KL", "HU"), new DateOnly(2017, 4, 11), "A", "vanphong", At, new DateOnly(2017, 1, 1));

        Assert.NotNull(error);
        Assert.Equal(ConclusionStatus.Draft, conclusion.Status);
    }

    [Fact]
    public void RefreshGroups_Approved_CollectiveDirectiveTakesTheGroupAsItIsNow()
    {
        var units = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var conclusion = Conclusion.Create(Issuer, "KL", "KẾT LUẬN", "Giao các xã").Value!;
        Assert.Null(conclusion.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "A" }], [new BodyItem { SectionOrder = 1, Number = 1, Text = "B" }],
            [new Directive { SectionOrder = 1, ItemNumber = 1, LeadUnitId = units[0], GroupName = "UBND các xã", GroupUnitIds = [units[0]] }]));
        Assert.NotNull(conclusion.RefreshGroups(_ => units));
        Assert.Null(conclusion.SetRecipients([(null, "Lưu VPHU")]));
        Assert.Null(conclusion.SetSigner(Signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
        Assert.Null(conclusion.Submit("vanphong", At));
        Assert.Null(conclusion.Approve("bithu", At));

        Assert.Null(conclusion.RefreshGroups(group => group == "UBND các xã" ? units : null));

        Assert.Equal(units, Assert.Single(conclusion.Directives).GroupUnitIds);
        Assert.Equal(units, conclusion.Directives[0].LeadUnitIds);
        Assert.Equal(ConclusionStatus.Approved, conclusion.Status);
    }

    [Fact]
    public void Issue_Approved_NumberedAndIssued()
    {
        var conclusion = Approved();

        var error = conclusion.Issue(DocumentNumber.Party(7, "KL", "HU"), "", IssueDay, "vanphong", At);

        Assert.Null(error);
        Assert.Equal(ConclusionStatus.Issued, conclusion.Status);
        Assert.Equal("Số 07-KL/HU", conclusion.Number!.Value.Display);
        Assert.Equal(IssueDay, conclusion.IssuedOn);
    }

    [Fact]
    public void Issue_WithoutSigner_Refused()
    {
        var conclusion = Approved(withSigner: false);

        var error = conclusion.Issue(DocumentNumber.Party(1, "KL", "HU"), "", IssueDay, "vanphong", At);

        Assert.NotNull(error);
        Assert.Contains("người ký", error.Message, StringComparison.Ordinal);
        Assert.Equal(ConclusionStatus.Approved, conclusion.Status);
        Assert.Null(conclusion.Sequence);
    }

    [Fact]
    public void Issue_Draft_Refused()
    {
        var conclusion = Draft();

        Assert.NotNull(conclusion.Issue(DocumentNumber.Party(1, "KL", "HU"), "", IssueDay, "vanphong", At));
        Assert.Equal(ConclusionStatus.Draft, conclusion.Status);
    }

    [Fact]
    public void Issue_DeadlineBeforeDocumentDate_Refused()
    {
        var conclusion = Approved(deadline: Deadline.By(new DateOnly(2026, 4, 1)));

        var error = conclusion.Issue(DocumentNumber.Party(1, "KL", "HU"), "", IssueDay, "vanphong", At);

        Assert.NotNull(error);
        Assert.Contains("trước ngày ban hành", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Edit_AfterIssue_RefusedAndNothingChanges()
    {
        var conclusion = Approved();
        Assert.Null(conclusion.Issue(DocumentNumber.Party(1, "KL", "HU"), "", IssueDay, "vanphong", At));
        var version = conclusion.Version;

        Assert.Same(Conclusion.ImmutableError, conclusion.Describe("Khác", "", "", null));
        Assert.Same(Conclusion.ImmutableError, conclusion.ChangeType("TB", "THÔNG BÁO"));
        Assert.Same(Conclusion.ImmutableError, conclusion.SetBody([], [], []));
        Assert.Same(Conclusion.ImmutableError, conclusion.SetRecipients([(null, "Lưu VPHU")]));
        Assert.Same(Conclusion.ImmutableError, conclusion.SetSigner(Guid.CreateVersion7(), "Người khác", "K/T BÍ THƯ", "PHÓ BÍ THƯ"));
        Assert.NotNull(conclusion.Submit("vanphong", At));
        Assert.NotNull(conclusion.Approve("bithu", At));
        Assert.NotNull(conclusion.Issue(DocumentNumber.Party(2, "KL", "HU"), "", IssueDay, "vanphong", At));

        Assert.Equal(version, conclusion.Version);
        Assert.Equal("Hội nghị giao ban quý I năm 2026", conclusion.Summary);
        Assert.Single(conclusion.Items);
        Assert.Equal(1, conclusion.Sequence);
    }

    [Fact]
    public void Edit_AfterApproval_BackToDraft()
    {
        var conclusion = Approved();

        Assert.Null(conclusion.Describe("Trích yếu mới", "", "Tân Phong", null));

        Assert.Equal(ConclusionStatus.Draft, conclusion.Status);
        Assert.Null(conclusion.ApprovedAt);
    }

    [Fact]
    public void Submit_NoRecipients_RefusedWithMessageDraftKept()
    {
        var conclusion = Draft();
        Assert.Null(conclusion.SetRecipients([]));
        var version = conclusion.Version;

        var error = conclusion.Submit("vanphong", At);

        Assert.NotNull(error);
        Assert.Equal(nameof(Conclusion.Recipients), error.Field);
        Assert.Contains("chưa có «Nơi nhận»", error.Message, StringComparison.Ordinal);
        Assert.Equal(ConclusionStatus.Draft, conclusion.Status);
        Assert.Equal(version, conclusion.Version);
        Assert.Single(conclusion.Items);
        Assert.Single(conclusion.Directives);
    }

    [Fact]
    public void Issue_ApprovedWithoutRecipients_RefusedNoNumberTaken()
    {
        // A document approved before submit checked "Nơi nhận" (stored data from an earlier version).
        var conclusion = Approved();
        var stored = (List<Recipient>)typeof(Conclusion).GetField("recipients", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(conclusion)!;
        stored.Clear();

        var error = conclusion.CheckIssuable(IssueDay);

        Assert.NotNull(error);
        Assert.Contains("chưa có «Nơi nhận»", error.Message, StringComparison.Ordinal);
        Assert.Contains("trước khi ban hành", error.Message, StringComparison.Ordinal);
        Assert.Equal(ConclusionStatus.Approved, conclusion.Status);
        Assert.Null(conclusion.Sequence);
    }

    [Fact]
    public void Submit_Twice_SecondRefused()
    {
        var conclusion = Draft();

        Assert.Null(conclusion.Submit("vanphong", At));
        Assert.NotNull(conclusion.Submit("vanphong", At));
    }

    [Fact]
    public void Approve_Draft_Refused() => Assert.NotNull(Draft().Approve("bithu", At));

    [Fact]
    public void SetBody_DirectiveOfMissingItem_Refused()
    {
        var conclusion = Draft();

        var error = conclusion.SetBody(
            [new BodySection { Order = 1, Numeral = "I", Title = "Đánh giá" }],
            [new BodyItem { SectionOrder = 1, Number = 1, Text = "Nội dung" }],
            [new Directive { SectionOrder = 1, ItemNumber = 2, LeadUnitId = Lead }]);

        Assert.NotNull(error);
        Assert.Single(conclusion.Directives, d => d.ItemNumber == 1);
    }

    [Fact]
    public void Create_TypeCodeNotLetters_Refused() =>
        Assert.False(Conclusion.Create(Issuer, "K-1", "KẾT LUẬN", "Trích yếu").Succeeded);

    [Fact]
    public void Directive_Deadline_RoundTripsThroughStoredParts()
    {
        foreach (var deadline in new[]
                 {
                     Deadline.By(new DateOnly(2026, 5, 15)), Deadline.InMonth(2026, 5), Deadline.InQuarter(2026, 2),
                     Deadline.InHalfYear(2026, 2), Deadline.InSchoolYear(2026), Deadline.InYear(2026), Deadline.Yearly, Deadline.Ongoing,
                 })
        {
            var directive = new Directive { SectionOrder = 1, ItemNumber = 1, LeadUnitId = Lead, Deadline = deadline };

            Assert.Equal(deadline, Deadline.Restore(directive.DeadlineKind!.Value, directive.DeadlineStart, directive.DeadlineDue));
            Assert.Equal(deadline, directive.Deadline);
        }
    }
}
