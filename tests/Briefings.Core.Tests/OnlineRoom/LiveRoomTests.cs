using Briefings.Core.OnlineRoom;

namespace Briefings.Core.Tests.OnlineRoom;

public sealed class LiveRoomTests
{
    private static readonly DateTimeOffset T0 = new(2030, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();

    private static RegisteredSpeech Registered(string topic, int minute) =>
        new(Guid.NewGuid(), A, Guid.NewGuid(), "Xã An Lạc", topic, 7, "xa.anlac", T0.AddMinutes(minute));

    [Fact]
    public void Import_AfterLiveRequests_RegisteredSpeechesStayFirst()
    {
        var room = LiveRoom.Open(Guid.NewGuid());
        room.Import([Registered("Đăng ký 1", 1)]);
        Assert.True(room.Request(B, Guid.NewGuid(), "Xã Bình Đông", "Xin phát biểu", SpeechSource.Live, 5, "xa.binhdong", T0).Succeeded);

        room.Import([Registered("Đăng ký 2", 2)]);

        Assert.Equal(["Đăng ký 1", "Đăng ký 2", "Xin phát biểu"], room.Queue.Select(s => s.Topic));
    }

    [Fact]
    public void Request_SecondWhileWaiting_Refused()
    {
        var room = LiveRoom.Open(Guid.NewGuid());
        Assert.True(room.Request(B, Guid.NewGuid(), "Xã Bình Đông", null, SpeechSource.Live, 5, "x", T0).Succeeded);

        var second = room.Request(B, Guid.NewGuid(), "Xã Bình Đông", null, SpeechSource.Live, 5, "x", T0);

        Assert.False(second.Succeeded);
        Assert.Single(room.Queue);
        Assert.Equal("Phát biểu ý kiến", room.Queue.Single().Topic);
    }

    [Fact]
    public void Request_AskedAndWithdrawnInALoop_RefusedPastTheCapTheRecordStaysBounded()
    {
        var room = LiveRoom.Open(Guid.NewGuid());
        for (var i = 0; i < LiveRoom.MaxLiveRequestsPerEndpoint; i++)
        {
            var asked = room.Request(B, Guid.NewGuid(), "Xã Bình Đông", "Xin phát biểu", SpeechSource.Live, 5, "xa.binhdong", T0);
            Assert.True(asked.Succeeded);
            Assert.Null(room.Withdraw(asked.Value!.Id, B));
        }

        var again = room.Request(B, Guid.NewGuid(), "Xã Bình Đông", "Xin phát biểu", SpeechSource.Live, 5, "xa.binhdong", T0);
        var other = room.Request(A, Guid.NewGuid(), "Xã An Lạc", "Xin phát biểu", SpeechSource.Live, 5, "xa.anlac", T0);
        var chair = room.Request(B, Guid.NewGuid(), "Xã Bình Đông", "Chủ trì mời", SpeechSource.AddedByChair, 5, "vanphong", T0);

        Assert.False(again.Succeeded);
        Assert.Contains("đã xin phát biểu 30 lần", again.Errors[0].Message, StringComparison.Ordinal);
        Assert.True(other.Succeeded);
        Assert.True(chair.Succeeded);
        Assert.Equal(LiveRoom.MaxLiveRequestsPerEndpoint + 2, room.Speeches.Count);
    }

    [Fact]
    public void Request_RoomHoldingTheMostSpeeches_RefusedWithAMessage()
    {
        var room = LiveRoom.Open(Guid.NewGuid());
        for (var i = 0; i < LiveRoom.MaxSpeeches; i++)
        {
            Assert.True(room.Request(null, Guid.NewGuid(), "Đơn vị", "Chủ trì mời", SpeechSource.AddedByChair, 5, "vanphong", T0).Succeeded);
        }

        var more = room.Request(null, Guid.NewGuid(), "Đơn vị", "Chủ trì mời", SpeechSource.AddedByChair, 5, "vanphong", T0);

        Assert.False(more.Succeeded);
        Assert.Equal(LiveRoom.MaxSpeeches, room.Speeches.Count);
    }

    [Fact]
    public void Start_WhileAnotherSpeaks_OneSpeakerAtATime()
    {
        var room = LiveRoom.Open(Guid.NewGuid());
        var first = room.Request(A, Guid.NewGuid(), "Xã An Lạc", "Một", SpeechSource.Live, 5, "x", T0).Value!;
        var second = room.Request(B, Guid.NewGuid(), "Xã Bình Đông", "Hai", SpeechSource.Live, 5, "x", T0).Value!;

        Assert.Null(room.Start(first.Id, T0.AddMinutes(1)));
        Assert.Null(room.Start(second.Id, T0.AddMinutes(4)));

        Assert.Equal(second.Id, room.Current!.Id);
        Assert.Equal(SpeechStatus.Done, first.Status);
        Assert.Equal(T0.AddMinutes(4), first.EndedAt);
        Assert.Single(room.Speeches, s => s.Status == SpeechStatus.Speaking);
        Assert.NotNull(room.Start(first.Id, T0.AddMinutes(5)));
        Assert.Null(room.Stop(T0.AddMinutes(6)));
        Assert.Null(room.Current);
        Assert.NotNull(room.Stop(T0.AddMinutes(7)));
    }

    [Fact]
    public void MoveAndWithdraw_OnlyOwnRequestAndWaitingOnes()
    {
        var room = LiveRoom.Open(Guid.NewGuid());
        var a = room.Request(A, Guid.NewGuid(), "Xã An Lạc", "A", SpeechSource.Live, 5, "x", T0).Value!;
        var b = room.Request(B, Guid.NewGuid(), "Xã Bình Đông", "B", SpeechSource.Live, 5, "x", T0).Value!;

        Assert.Null(room.Move(b.Id, 0));
        Assert.Equal(["B", "A"], room.Queue.Select(s => s.Topic));
        Assert.Equal(Core.Common.Error.Forbidden, room.Withdraw(b.Id, A));
        Assert.Null(room.Withdraw(a.Id, A));
        Assert.Equal(["B"], room.Queue.Select(s => s.Topic));
    }

    [Fact]
    public void Withdraw_ByTheOrganizer_DeclinedByTheEndpointItself_Withdrawn()
    {
        var room = LiveRoom.Open(Guid.NewGuid());
        var a = room.Request(A, Guid.NewGuid(), "Xã An Lạc", "A", SpeechSource.Live, 5, "x", T0).Value!;
        var b = room.Request(B, Guid.NewGuid(), "Xã Bình Đông", "B", SpeechSource.Live, 5, "x", T0).Value!;

        Assert.Null(room.Withdraw(a.Id, A));
        Assert.Null(room.Withdraw(b.Id, null));

        Assert.Equal(SpeechStatus.Withdrawn, a.Status);
        Assert.Equal(SpeechStatus.Declined, b.Status);
        Assert.Empty(room.Queue);
    }

    [Fact]
    public void SetCurrentItem_NotOnAgenda_Refused()
    {
        var room = LiveRoom.Open(Guid.NewGuid());

        Assert.NotNull(room.SetCurrentItem(9, [1, 2, 3], T0));
        Assert.Null(room.SetCurrentItem(2, [1, 2, 3], T0));
        Assert.Equal(2, room.CurrentAgendaOrder);
    }

    [Fact]
    public void Attendance_AbsentWithoutReasonOrSubstituteWithoutName_Refused()
    {
        var mark = AttendanceMark.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal("Reason", mark.Mark(AttendanceStatus.Absent, " ", null, "vanphong", T0)!.Field);
        Assert.Equal("SubstituteName", mark.Mark(AttendanceStatus.Substitute, null, "", "vanphong", T0)!.Field);
        Assert.Null(mark.Mark(AttendanceStatus.Substitute, null, "Nguyễn Văn Thay", "vanphong", T0));
        Assert.Equal("Nguyễn Văn Thay", mark.SubstituteName);
    }

    [Fact]
    public void Minutes_SaveOnStaleRevision_Conflict()
    {
        var minutes = MinutesEntry.Create(Guid.NewGuid(), 1);
        Assert.Null(minutes.Save("Một", 0, "vanphong", T0));

        Assert.Equal(Core.Common.Error.Conflict, minutes.Save("Hai", 0, "admin", T0));
        Assert.Equal("Một", minutes.Text);
        Assert.Equal(1, minutes.Revision);
    }
}
