using System.Security.Cryptography;

namespace TradingBot.Kalshi.Auth;

/// <summary>The private key could not be used; the message says why without showing any key material.</summary>
public sealed class PrivateKeyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Loads the Kalshi RSA private key from a PEM file, or from a systemd credential (<c>LoadCredential=</c> puts it in
/// <c>$CREDENTIALS_DIRECTORY</c>). A key file that group or others can read is refused: anyone who can read it can
/// trade with the account.
/// </summary>
public static class PrivateKeyLoader
{
    public const string CredentialName = "kalshi-private-key";

    /// <summary>
    /// <paramref name="path"/> wins when set; otherwise the systemd credential named <see cref="CredentialName"/>.
    /// </summary>
    public static RSA Load(string? path, string? credentialsDirectory)
    {
        var file = !string.IsNullOrWhiteSpace(path) ? path
            : !string.IsNullOrWhiteSpace(credentialsDirectory) ? Path.Combine(credentialsDirectory, CredentialName)
            : throw new PrivateKeyException($"no private key: set Kalshi:PrivateKeyPath, or give the service the systemd credential '{CredentialName}'");

        if (!File.Exists(file))
            throw new PrivateKeyException($"private key file not found: {file}");
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(file);
            const UnixFileMode groupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
            if ((mode & groupOrOthers) != 0)
                throw new PrivateKeyException($"private key file {file} is readable or writable by group or others (mode {Convert.ToString((int)mode, 8)}); run: chmod 600 {file}");
        }

        string pem;
        try
        {
            pem = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PrivateKeyException($"cannot read private key file {file}: {ex.Message}", ex);
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            // The exception text can quote the input: say what is wrong, not what the file holds.
            throw new PrivateKeyException($"private key file {file} does not hold an RSA private key in PEM form", ex);
        }
    }
}
