namespace TradingBot.Core.Sports;

/// <summary>
/// One franchise: the code Kalshi uses in tickers, its full name as odds feeds spell it, other codes seen in feeds
/// and tickers (e.g. JAX for JAC), and names people use for it. Aliases that two teams of a league share (a city
/// like "New York") are kept: a lookup by them is reported as ambiguous rather than resolved to either team.
/// </summary>
public sealed record Team(League League, string Code, string FullName, IReadOnlyList<string> AlternateCodes, IReadOnlyList<string> Aliases)
{
    public override string ToString() => $"{League.SeriesToken()} {Code} ({FullName})";
}
