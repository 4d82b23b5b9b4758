using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>
/// Where a listener's join spends (issue 14.4: after an instance dies, its listeners' joins arrive at the survivor
/// together). .NET metrics, meter <c>Briefings.OnlineRoom</c>: nothing is recorded unless a listener such as
/// <c>dotnet-counters monitor -p PID --counters Briefings.OnlineRoom,System.Runtime</c> is attached, so they cost
/// nothing in normal running and need no log line per join.
/// </summary>
public static class RoomMetrics
{
    public const string MeterName = "Briefings.OnlineRoom";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>A join's access grant (the account's context when not cached, the meeting, the caller's endpoints).</summary>
    public static readonly Histogram<double> JoinGrant = Meter.CreateHistogram<double>("briefings.room.join.grant", "ms");

    /// <summary>A join's wait for the shared public state (<see cref="JoinStates"/>).</summary>
    public static readonly Histogram<double> JoinState = Meter.CreateHistogram<double>("briefings.room.join.state", "ms");

    /// <summary>A whole join, from the hub's call to its reply (before the reply is written).</summary>
    public static readonly Histogram<double> Join = Meter.CreateHistogram<double>("briefings.room.join", "ms");

    /// <summary>Shared public-state loads of <see cref="JoinStates"/> and how long each took.</summary>
    public static readonly Histogram<double> StateLoad = Meter.CreateHistogram<double>("briefings.room.state.load", "ms");

    public static void Since(this Histogram<double> histogram, long started)
    {
        if (histogram.Enabled)
        {
            histogram.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
