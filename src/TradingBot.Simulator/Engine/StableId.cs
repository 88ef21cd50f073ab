using System.Security.Cryptography;
using System.Text;

namespace TradingBot.Simulator.Engine;

/// <summary>UUID-shaped ids derived from a name, so the same thing keeps its id across restarts and runs.</summary>
public static class StableId
{
    public static string Of(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }
}
