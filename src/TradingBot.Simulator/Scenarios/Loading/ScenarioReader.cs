using System.Text.Json;
using TradingBot.Core.Fees;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.MarketMaking;

namespace TradingBot.Simulator.Scenarios.Loading;

/// <summary>Turns one scenario document into a <see cref="Scenario"/>, collecting every problem on the way.</summary>
internal sealed partial class ScenarioReader(List<ScenarioProblem> problems, DateTimeOffset now)
{
    private static readonly string[] FeeTypes = ["quadratic", "quadratic_with_maker_fees", "quadratic_with_combo_maker_fees"];

    private readonly List<SimSeries> _series = [];
    private readonly HashSet<string> _seriesTickers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _eventTickers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _marketTickers = new(StringComparer.Ordinal);
    private int _seed;

    public Scenario? Read(JsonElement root)
    {
        if (JsonFields.Open(root, "$", problems) is not { } top)
            return null;
        var name = top.String("name") ?? "scenario";
        _seed = top.Int("seed", false, int.MinValue, int.MaxValue) ?? 0;
        var settlementDelay = top.Duration("settlement_delay", false, TimeSpan.Zero, TimeSpan.FromDays(1)) ?? TimeSpan.Zero;
        var makers = top.Object("market_makers") is { } section ? ReadMarketMakers(section) : MarketMakerOptions.Default;
        foreach (var (fields, _) in top.Objects("series", required: true))
            ReadSeries(fields);
        var events = new List<ScenarioGame>();
        foreach (var (fields, _) in top.Objects("events", required: true))
        {
            if (ReadEvent(fields) is { } game)
                events.Add(game);
        }

        top.Finish();
        return problems.Count == 0
            ? new Scenario(name, now, settlementDelay, makers, _series, events)
            : null;
    }

    private void ReadSeries(JsonFields fields)
    {
        var ticker = fields.String("ticker", required: true);
        var title = fields.String("title", required: true);
        var category = fields.String("category") ?? "Sports";
        var feeType = fields.Choice("fee_type", true, FeeTypes);
        var multiplier = FourDecimals(fields, "fee_multiplier", false, 0m, 1000m) ?? 1m;
        fields.Finish();
        if (ticker is null)
            return;
        if (!IsSeriesTicker(ticker))
            fields.Problem("ticker", $"'{ticker}' is not a series ticker (capital letters and digits, like KXNFLGAME)");
        else if (!_seriesTickers.Add(ticker))
            fields.Problem("ticker", $"series {ticker} is defined twice");
        else if (title is not null && feeType is not null)
            _series.Add(new SimSeries(ticker, title, category, ParseFeeType(feeType), multiplier));
    }

    private MarketMakerOptions ReadMarketMakers(JsonFields fields)
    {
        var defaults = MarketMakerOptions.Default;
        var options = new MarketMakerOptions
        {
            Makers = fields.Int("makers", false, 1, 5) ?? defaults.Makers,
            FarFromStart = fields.Duration("far_from_start", false, TimeSpan.FromHours(1), TimeSpan.FromDays(30)) ?? defaults.FarFromStart,
            FarHalfSpread = FourDecimals(fields, "far_half_spread", false, 0.0001m, 0.25m) ?? defaults.FarHalfSpread,
            NearHalfSpread = FourDecimals(fields, "near_half_spread", false, 0.0001m, 0.25m) ?? defaults.NearHalfSpread,
            InGameHalfSpread = FourDecimals(fields, "in_game_half_spread", false, 0.0001m, 0.25m) ?? defaults.InGameHalfSpread,
            LevelStep = FourDecimals(fields, "level_step", false, 0.0001m, 0.1m) ?? defaults.LevelStep,
            FarLevels = fields.Int("far_levels", false, 1, 10) ?? defaults.FarLevels,
            NearLevels = fields.Int("near_levels", false, 1, 10) ?? defaults.NearLevels,
            FarSize = fields.Int("far_size", false, 1, 100_000) ?? defaults.FarSize,
            NearSize = fields.Int("near_size", false, 1, 100_000) ?? defaults.NearSize,
            Mispricing = fields.Double("mispricing", false, 0, 2) ?? defaults.Mispricing,
            MispricingHalfLife = fields.Duration("mispricing_half_life", false, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1)) ?? defaults.MispricingHalfLife,
            JumpLag = fields.Double("jump_lag", false, 0, 1) ?? defaults.JumpLag,
        };
        fields.Finish();
        return options;
    }

    private static decimal? FourDecimals(JsonFields fields, string name, bool required, decimal min, decimal max)
    {
        var value = fields.Decimal(name, required, min, max);
        if (value is null || Fixed.HasAtMostDecimals(value.Value, Price.Decimals))
            return value;
        fields.Problem(name, "has more than 4 decimals");
        return null;
    }

    private static FeeType ParseFeeType(string text) => text switch
    {
        "quadratic_with_maker_fees" => FeeType.QuadraticWithMakerFees,
        "quadratic_with_combo_maker_fees" => FeeType.QuadraticWithComboMakerFees,
        _ => FeeType.Quadratic,
    };

    private static bool IsSeriesTicker(string text) =>
        text.Length <= 40 && text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)) && char.IsAsciiLetterUpper(text[0]);

    /// <summary>Tickers Kalshi-style: capital letters, digits, '-' and '.', parts joined by '-'.</summary>
    private static bool IsTicker(string text) =>
        MarketTicker.TryParse(text, out _) && text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '-' or '.') && !text.EndsWith('-');

    private static bool IsCode(string text) =>
        text.Length is >= 2 and <= 6 && text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    /// <summary>A seed from the scenario's seed and a ticker; FNV-1a because string hashes change between processes.</summary>
    private int SeedFor(string ticker)
    {
        var hash = 2166136261u ^ (uint)_seed;
        foreach (var c in ticker)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x7fff_ffff);
    }
}
