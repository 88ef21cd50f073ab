using System.Net;
using TradingBot.Kalshi.Auth;
using TradingBot.Kalshi.Tests.Support;

namespace TradingBot.Kalshi.Tests;

public sealed class SigningTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kalshi-sign-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_signed_message_is_timestamp_method_and_path_without_the_query() =>
        Assert.Equal("1703123456789GET/trade-api/v2/portfolio/orders", RequestSigner.Message(1703123456789, "get", "/trade-api/v2/portfolio/orders?limit=5&cursor=abc"));

    [Fact]
    public async Task The_signature_verifies_with_openssl_as_RSA_PSS_SHA256_with_digest_length_salt()
    {
        var keyPath = await OpenSsl.GenerateKeyAsync(_folder);
        using var signer = new RequestSigner(PrivateKeyLoader.Load(keyPath, null));

        var signature = signer.Sign(1703123456789, "POST", "/trade-api/v2/portfolio/events/orders?dry=1");

        await File.WriteAllBytesAsync(Path.Combine(_folder, "sig.bin"), Convert.FromBase64String(signature));
        await File.WriteAllTextAsync(Path.Combine(_folder, "msg.txt"), "1703123456789POST/trade-api/v2/portfolio/events/orders");
        var (code, output) = await OpenSsl.RunAsync(_folder, "pkey", "-in", keyPath, "-pubout", "-out", "pub.pem");
        Assert.True(code == 0, output);
        (code, output) = await OpenSsl.RunAsync(_folder, "dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest",
            "-verify", "pub.pem", "-signature", "sig.bin", "msg.txt");
        Assert.True(code == 0, output);
        Assert.Contains("Verified OK", output, StringComparison.Ordinal);

        // The same signature must not verify for the path with its query: the query is never signed.
        await File.WriteAllTextAsync(Path.Combine(_folder, "msg.txt"), "1703123456789POST/trade-api/v2/portfolio/events/orders?dry=1");
        (code, _) = await OpenSsl.RunAsync(_folder, "dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest",
            "-verify", "pub.pem", "-signature", "sig.bin", "msg.txt");
        Assert.NotEqual(0, code);
    }

    [Fact]
    public async Task Every_request_carries_the_key_the_clock_in_milliseconds_and_a_signature_of_its_path()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1703123456789));
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "markets", HttpStatusCode.OK, """{"markets":[],"cursor":""}""");
        var client = TestClients.Create(venue, time);

        await client.GetMarketsAsync(new GetMarketsRequest { SeriesTicker = "KXNFLGAME" }, default);

        var headers = Assert.Single(venue.Requests).Headers;
        Assert.Equal(TestClients.ApiKeyId, headers[SigningHandler.KeyHeader]);
        Assert.Equal("1703123456789", headers[SigningHandler.TimestampHeader]);
        Assert.Equal(256, Convert.FromBase64String(headers[SigningHandler.SignatureHeader]).Length);
    }

    [Fact]
    public async Task A_key_file_readable_by_others_is_refused_and_the_message_shows_no_key_material()
    {
        var keyPath = await OpenSsl.GenerateKeyAsync(_folder);
        File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var error = Assert.Throws<PrivateKeyException>(() => PrivateKeyLoader.Load(keyPath, null));
        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_comes_from_the_systemd_credential_when_no_path_is_set()
    {
        var keyPath = await OpenSsl.GenerateKeyAsync(_folder);
        File.Move(keyPath, Path.Combine(_folder, PrivateKeyLoader.CredentialName));
        using var rsa = PrivateKeyLoader.Load("", _folder);
        Assert.Equal(2048, rsa.KeySize);
    }

    [Fact]
    public void A_file_that_is_not_a_key_is_refused_without_quoting_it()
    {
        var path = Path.Combine(_folder, "bad.key");
        File.WriteAllText(path, "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LXRleHQ=\n-----END PRIVATE KEY-----\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var error = Assert.Throws<PrivateKeyException>(() => PrivateKeyLoader.Load(path, null));
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_path_and_no_credential_says_how_to_give_the_key() =>
        Assert.Contains("Kalshi:PrivateKeyPath", Assert.Throws<PrivateKeyException>(() => PrivateKeyLoader.Load(null, null)).Message, StringComparison.Ordinal);
}
