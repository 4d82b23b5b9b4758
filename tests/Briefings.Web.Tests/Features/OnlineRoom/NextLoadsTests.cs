using Briefings.Web.Features.OnlineRoom;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>Shared loads of the live room's joins (<see cref="NextLoads{TKey, TValue}"/>): callers asking together share
/// one load, and no caller ever gets a load that started before it asked.</summary>
public sealed class NextLoadsTests
{
    /// <summary>A load per call that the test releases by hand; each returns its own number (1, 2, ...).</summary>
    private sealed class Gate
    {
        private readonly List<TaskCompletionSource> releases = [];
        private int started;

        public int Started => Volatile.Read(ref started);

        public async Task<int> LoadAsync(string key)
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            int number;
            lock (releases)
            {
                releases.Add(release);
                number = ++started;
            }

            await release.Task;
            return number;
        }

        public void Release(int number)
        {
            lock (releases)
            {
                releases[number - 1].SetResult();
            }
        }

        public async Task WaitStartedAsync(int count)
        {
            for (var i = 0; i < 500 && Started < count; i++)
            {
                await Task.Delay(10);
            }

            Assert.Equal(count, Started);
        }
    }

    [Fact]
    public async Task LoadAsync_AskedWhileALoadRuns_GetsTheNextLoadNotTheRunningOne()
    {
        var gate = new Gate();
        var loads = new NextLoads<string, int>(gate.LoadAsync);
        var first = loads.LoadAsync("m");
        await gate.WaitStartedAsync(1);

        var later = loads.LoadAsync("m"); // asked after load 1 began reading: must not get its result
        gate.Release(1);
        Assert.Equal(1, await first);
        await gate.WaitStartedAsync(2);
        gate.Release(2);

        Assert.Equal(2, await later);
    }

    [Fact]
    public async Task LoadAsync_ManyAskWhileALoadWaits_ShareThatOneLoad()
    {
        var gate = new Gate();
        var loads = new NextLoads<string, int>(gate.LoadAsync);
        var first = loads.LoadAsync("m");
        await gate.WaitStartedAsync(1);

        var waiting = Enumerable.Range(0, 50).Select(_ => loads.LoadAsync("m")).ToList();
        gate.Release(1);
        await gate.WaitStartedAsync(2);
        gate.Release(2);

        Assert.Equal(1, await first);
        Assert.All(await Task.WhenAll(waiting), n => Assert.Equal(2, n));
        Assert.Equal(2, gate.Started);
    }

    [Fact]
    public async Task LoadAsync_OtherKey_LoadsOnItsOwn()
    {
        var gate = new Gate();
        var loads = new NextLoads<string, int>(gate.LoadAsync);
        var a = loads.LoadAsync("a");
        var b = loads.LoadAsync("b");
        await gate.WaitStartedAsync(2);
        gate.Release(1);
        gate.Release(2);

        Assert.NotEqual(await a, await b);
    }

    [Fact]
    public async Task LoadAsync_LoadFails_SharersFailAndTheNextCallerLoadsAgain()
    {
        var calls = 0;
        var loads = new NextLoads<string, int>(_ => ++calls == 1 ? Task.FromException<int>(new InvalidOperationException("database gone")) : Task.FromResult(calls));

        await Assert.ThrowsAsync<InvalidOperationException>(() => loads.LoadAsync("m"));

        Assert.Equal(2, await loads.LoadAsync("m"));
    }
}
