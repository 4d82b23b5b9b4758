using Microsoft.AspNetCore.Authentication;

namespace Briefings.Web.Infrastructure;

/// <summary>
/// The sign-in cookie's ticket format with the tickets it has already opened kept in memory, keyed by the cookie's
/// whole protected text (issue 14.5). Opening the cookie (data protection: a key derivation, AES-CBC and an HMAC, each
/// with new OpenSSL contexts, then the ticket's deserialization) was done on every signed-in request although a
/// browser sends the same cookie for hours. What is kept is only what the inner format returned for exactly that text,
/// so a changed (tampered) cookie is a different key and goes through the full check; nothing that failed is kept. The
/// cookie handler still checks the ticket's expiry on every request, and the session check
/// (<see cref="AccountSessions.ValidatePrincipalAsync"/>: stamp, disabled) still runs its query on every request, so a
/// logged-out, re-passworded, locked or disabled session stops at once as before. Every caller gets its own copy of
/// the ticket: the handler changes the properties of the ticket it renews (sliding expiration).
/// </summary>
public sealed class AuthTicketCache(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock, int capacity = 10_000)
    : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    /// <summary>How long an opened ticket is kept at most (less if it expires sooner): bounds how long a data-protection
    /// key revoked by an operator still opens a cookie already seen by this instance.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly BoundedCache<Key, AuthenticationTicket> cache = new(capacity, clock);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var key = new Key(protectedText, purpose);
        if (cache.TryGet(key, out var kept))
        {
            return kept.Clone();
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var until = now + Lifetime;
        if (ticket.Properties.ExpiresUtc is { } expires && expires < until)
        {
            until = expires;
        }

        if (until > now)
        {
            cache.Set(key, ticket.Clone(), until);
        }

        return ticket;
    }

    /// <summary>How many opened tickets are kept now (tests).</summary>
    public int Count => cache.Count;

    public void Dispose() => cache.Dispose();

    private readonly record struct Key(string ProtectedText, string? Purpose);
}
