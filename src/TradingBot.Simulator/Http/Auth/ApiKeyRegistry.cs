using System.Collections.Concurrent;
using System.Security.Cryptography;
using TradingBot.Simulator.Http.Limits;

namespace TradingBot.Simulator.Http.Auth;

/// <summary>A registered API key: who it signs for, at which rate-limit tier, and its RSA public key.</summary>
public sealed class SimApiKey
{
    private readonly byte[] _publicKey;

    internal SimApiKey(string id, string memberId, RateTier tier, byte[] subjectPublicKeyInfo)
    {
        Id = id;
        MemberId = memberId;
        Tier = tier;
        _publicKey = subjectPublicKeyInfo;
    }

    public string Id { get; }

    public string MemberId { get; }

    public RateTier Tier { get; }

    /// <summary>RSA-PSS with SHA-256 and MGF1-SHA-256; .NET verifies with a salt the length of the digest, as Kalshi signs.</summary>
    internal bool Verifies(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        // A fresh RSA per check: RSA objects are not documented as safe to share between threads.
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(_publicKey, out _);
        return rsa.VerifyData(message, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
    }
}

/// <summary>API key id → RSA public key → member. Keys are added at run time through the admin API or by a host.</summary>
public sealed class ApiKeyRegistry
{
    private readonly ConcurrentDictionary<string, SimApiKey> _keys = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers a public key (PEM: "PUBLIC KEY" or "RSA PUBLIC KEY") for a member; returns the key, with a new id
    /// unless one is given. Hosts go through <see cref="SimMembers.Register"/>, which opens the member's account too.
    /// </summary>
    internal SimApiKey Register(string publicKeyPem, string memberId, RateTier tier = RateTier.Basic, string? keyId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        byte[] spki;
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(publicKeyPem);
            spki = rsa.ExportSubjectPublicKeyInfo();
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            throw new ArgumentException("not an RSA public key in PEM form", nameof(publicKeyPem), e);
        }

        var key = new SimApiKey(string.IsNullOrWhiteSpace(keyId) ? Guid.NewGuid().ToString("D") : keyId, memberId, tier, spki);
        if (!_keys.TryAdd(key.Id, key))
            throw new ArgumentException($"API key {key.Id} is already registered", nameof(keyId));
        return key;
    }

    public bool TryGet(string keyId, out SimApiKey key) => _keys.TryGetValue(keyId, out key!);

    public IReadOnlyList<SimApiKey> All => _keys.Values.OrderBy(k => k.Id, StringComparer.Ordinal).ToList();
}
