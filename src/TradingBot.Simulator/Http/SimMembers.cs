using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http.Auth;
using TradingBot.Simulator.Http.Limits;

namespace TradingBot.Simulator.Http;

/// <summary>A key to register: the member it signs for is opened with the starting balance if it is new.</summary>
public sealed record MemberRegistration(
    string PublicKeyPem,
    string? MemberId = null,
    RateTier? Tier = null,
    Money? StartingBalance = null,
    string? KeyId = null);

/// <summary>Members as the HTTP front knows them: an account in the exchange and the API keys that sign for it.</summary>
public static class SimMembers
{
    /// <summary>
    /// Registers an API key, opening its member's account first when the member is new. A starting balance for a
    /// member that already exists is refused rather than silently ignored.
    /// </summary>
    public static SimApiKey Register(SimExchange exchange, ApiKeyRegistry keys, KalshiSimulatorOptions options, MemberRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registration);
        var memberId = string.IsNullOrWhiteSpace(registration.MemberId) ? "member-" + Guid.NewGuid().ToString("N")[..12] : registration.MemberId;
        if (registration.StartingBalance is { IsNegative: true })
            throw new ArgumentException("a starting balance is not negative", nameof(registration));
        var exists = exchange.Read(x => x.Accounts.ContainsKey(memberId));
        if (exists && registration.StartingBalance is not null)
            throw new ArgumentException($"member {memberId} already has an account; deposit instead", nameof(registration));

        var key = keys.Register(registration.PublicKeyPem, memberId, registration.Tier ?? options.DefaultTier, registration.KeyId);
        if (!exists)
            exchange.OpenAccount(memberId, registration.StartingBalance ?? options.DefaultStartingBalance);
        return key;
    }
}
