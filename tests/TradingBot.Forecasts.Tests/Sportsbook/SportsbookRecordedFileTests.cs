using Microsoft.Extensions.Time.Testing;
using TradingBot.Forecasts.Options;
using TradingBot.Forecasts.Sportsbook;
using TradingBot.Forecasts.Tests.Support;

namespace TradingBot.Forecasts.Tests.Sportsbook;

/// <summary>
/// End to end over Data/odds-recorded.json at 18:00Z: Dallas at the Giants with Pinnacle (weight 3), DraftKings,
/// Caesars (no market time: the book's is used), FanDuel (30 minutes old: stale), BetMGM (no time at all: stale);
/// Betfair is weighted in the options but absent from the file. Also a Clippers–Celtics game where one book's
/// moneyline lacks a side, a game against a team that does not exist, an EPL game, and an event that cannot be read.
/// </summary>
public sealed class SportsbookRecordedFileTests
{
    private static readonly DateTimeOffset Kickoff = new(2026, 9, 14, 0, 20, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 13, 18, 0, 0, TimeSpan.Zero));

    private async Task<SportsbookForecastSource> LoadedAsync(DevigMethod method = DevigMethod.Shin)
    {
        var options = new SportsbookOptions
        {
            Enabled = true,
            Path = Path.Combine(AppContext.BaseDirectory, "Sportsbook", "Data", "odds-recorded.json"),
            Method = method,
            BookWeights = new(StringComparer.OrdinalIgnoreCase) { ["pinnacle"] = 3m, ["betfair_ex_eu"] = 2m },
            MaxBookAge = TimeSpan.FromMinutes(10),
            MinBooks = 1, // several lines here rest on one book on purpose
            PollInterval = TimeSpan.FromMinutes(1),
        };
        Assert.Empty(options.Validate());
        var source = new SportsbookForecastSource(null, options, _time);
        await source.RefreshAsync(CancellationToken.None);
        return source;
    }

    private static (decimal Yes, DateTimeOffset AsOf)? Get(SportsbookForecastSource source, string ticker, DateTimeOffset? start) =>
        Get(source, Requests.For(ticker, start));

    private static (decimal Yes, DateTimeOffset AsOf)? Get(SportsbookForecastSource source, Core.Forecasting.ForecastRequest request) =>
        source.Get(request) is { } f ? (f.Yes.Value, f.AsOf) : null;

    [Fact]
    public async Task Moneylines_give_the_weighted_consensus_of_the_fresh_books_timed_by_the_oldest_quote()
    {
        var source = await LoadedAsync();

        // Shin on two outcomes is additive. Pinnacle 1/1.60 = 0.625, 1/2.50 = 0.4: 0.625 − 0.0125 = 0.6125.
        // DraftKings 0.636943 + 0.408163 = 1.045106: 0.636943 − 0.022553 = 0.614390.
        // Caesars 0.645161 + 0.392157 = 1.037318: 0.645161 − 0.018659 = 0.626502.
        // (3 × 0.6125 + 0.614390 + 0.626502) / 5 = 0.615678. FanDuel's 1.40 and BetMGM's 1.30 would have pulled it up.
        var dal = Get(source, "KXNFLGAME-26SEP13DALNYG-DAL", Kickoff);
        Assert.Equal((0.615678m, new DateTimeOffset(2026, 9, 13, 17, 55, 0, TimeSpan.Zero)), dal);
        Assert.Equal(0.384322m, Get(source, "KXNFLGAME-26SEP13DALNYG-NYG", Kickoff)!.Value.Yes);

        // An alias in the feed ("LA Clippers") maps; DraftKings' one-sided moneyline is left out: Pinnacle alone,
        // 1/2.20 = 0.454545, 1/1.74 = 0.574713, half margin 0.014629: 0.439916.
        Assert.Equal(0.439916m, Get(source, "KXNBAGAME-26SEP13LACBOS-LAC", null)!.Value.Yes);
    }

    [Fact]
    public async Task Spreads_and_totals_answer_only_at_exactly_the_same_line()
    {
        var source = await LoadedAsync();

        // Pinnacle alone has Dallas −3.5: 0.5 and 0.534759, half margin 0.017380: 0.482620.
        Assert.Equal((0.482620m, new DateTimeOffset(2026, 9, 13, 17, 58, 0, TimeSpan.Zero)), Get(source, Requests.Line("KXNFLSPREAD-26SEP13DALNYG", "DAL", 3.5m, Kickoff)));

        // DraftKings alone has −2.5: 1/1.80 = 0.555556, 1/2.05 = 0.487805, half margin 0.021680: 0.533875.
        Assert.Equal(0.533875m, Get(source, Requests.Line("KXNFLSPREAD-26SEP13DALNYG", "DAL", 2.5m, Kickoff))!.Value.Yes);
        Assert.Null(Get(source, Requests.Line("KXNFLSPREAD-26SEP13DALNYG", "DAL", 6.5m, Kickoff)));
        Assert.Null(Get(source, Requests.Line("KXNFLSPREAD-26SEP13DALNYG", "NYG", 3.5m, Kickoff)));

        // Over 45.5: Pinnacle 0.513158, DraftKings 0.510969; (3 × 0.513158 + 0.510969) / 4 = 0.512611.
        Assert.Equal(0.512611m, Get(source, Requests.Line("KXNFLTOTAL-26SEP13DALNYG", null, 45.5m, Kickoff))!.Value.Yes);
        Assert.Null(Get(source, Requests.Line("KXNFLTOTAL-26SEP13DALNYG", null, 44.5m, Kickoff)));
    }

    [Fact]
    public async Task The_game_is_matched_by_both_teams_and_the_start()
    {
        var source = await LoadedAsync();

        Assert.NotNull(Get(source, "KXNFLGAME-26SEP13DALNYG-DAL", null));
        Assert.NotNull(Get(source, "KXNFLGAME-26SEP13DALNYG-DAL", Kickoff.AddMinutes(90)));
        Assert.Null(Get(source, "KXNFLGAME-26SEP13DALNYG-DAL", Kickoff.AddDays(7)));
        Assert.Null(Get(source, "KXNFLGAME-26SEP20DALNYG-DAL", null));
        Assert.Null(Get(source, "KXNFLGAME-26SEP13DALPHI-DAL", null));
        Assert.Null(Get(source, "KXHIGHNY-24JAN01-T60", null));
        Assert.DoesNotContain("not mapped", source.Health.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_unmapped_events_stale_books_and_unusable_markets()
    {
        var source = await LoadedAsync();
        var health = source.Health;

        Assert.Equal("sportsbook", health.Name);
        Assert.Equal(_time.GetUtcNow(), health.LastUpdated);
        Assert.Contains("2 odds event(s) map to no Kalshi game", health.Problem, StringComparison.Ordinal);
        Assert.Contains("'Springfield Isotopes' is not a known NFL team", health.Problem, StringComparison.Ordinal);
        Assert.Contains("sport 'soccer_epl' is not a league the bot trades", health.Problem, StringComparison.Ordinal);
        Assert.Contains("2 stale book(s): book betmgm: skipped as stale in 1 market(s)", health.Problem, StringComparison.Ordinal);
        Assert.Contains("book fanduel", health.Problem, StringComparison.Ordinal);
        Assert.Contains("book draftkings market h2h: the moneyline lacks a team", health.Problem, StringComparison.Ordinal);
        Assert.Contains("1 unreadable event(s): odds-recorded.json item 5", health.Problem, StringComparison.Ordinal);
        Assert.Equal(["epl-ars-che", "nfl-isotopes"], source.UnmappedEvents.Select(e => e.Where.Split(' ')[1]).Order());
    }

    [Fact]
    public async Task Books_drop_out_as_their_quotes_age_past_the_limit()
    {
        var source = await LoadedAsync();

        // 18:06: DraftKings (17:55) is 11 minutes old; Pinnacle (17:58) and Caesars (17:57) are not.
        // (3 × 0.6125 + 0.626502) / 4 = 0.616001 (rounded to millionths).
        _time.Advance(TimeSpan.FromMinutes(6));
        await source.RefreshAsync(CancellationToken.None);
        Assert.Equal((0.616001m, new DateTimeOffset(2026, 9, 13, 17, 57, 0, TimeSpan.Zero)), Get(source, "KXNFLGAME-26SEP13DALNYG-DAL", Kickoff));

        // 18:08: Pinnacle (exactly 10 minutes old: at the limit, still in) alone.
        _time.Advance(TimeSpan.FromMinutes(2));
        await source.RefreshAsync(CancellationToken.None);
        Assert.Equal(0.6125m, Get(source, "KXNFLGAME-26SEP13DALNYG-DAL", Kickoff)!.Value.Yes);

        _time.Advance(TimeSpan.FromMinutes(1));
        await source.RefreshAsync(CancellationToken.None);
        Assert.Null(Get(source, "KXNFLGAME-26SEP13DALNYG-DAL", Kickoff));
    }

    [Fact]
    public async Task The_method_is_selectable()
    {
        var source = await LoadedAsync(DevigMethod.Multiplicative);

        // 0.625/1.025 = 0.6097561; 0.636943/1.045106 = 0.6094527; 0.645161/1.037318 = 0.6219512;
        // (3 × 0.6097561 + 0.6094527 + 0.6219512) / 5 = 0.6121344.
        Assert.Equal(0.612134m, Get(source, "KXNFLGAME-26SEP13DALNYG-DAL", Kickoff)!.Value.Yes);
    }
}
