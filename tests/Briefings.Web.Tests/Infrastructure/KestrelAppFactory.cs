using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>The real app on Kestrel at 127.0.0.1 on a free port, for browsers, SignalR clients and Janus to reach.</summary>
public class KestrelAppFactory : AppFactory
{
    public KestrelAppFactory(IDictionary<string, string?>? overrides = null)
        : base(overrides) => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public string BaseUrl { get; private set; } = "";

    /// <summary>Starts the server and returns its address ("http://127.0.0.1:port").</summary>
    public string StartAndGetAddress()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return BaseUrl;
    }
}
