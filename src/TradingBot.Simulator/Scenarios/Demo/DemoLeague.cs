namespace TradingBot.Simulator.Scenarios.Demo;

/// <summary>A team as Kalshi's tickers and titles name it.</summary>
public sealed record DemoTeam(string Code, string Name);

/// <summary>
/// What the demo slate needs to know about a league: its teams, how long a game lasts, where its lines sit, and how
/// its win probability moves (NBA: many small scoring jumps; NHL: few large ones). <see cref="PreseasonCompetition"/>
/// names the competition of its preseason games, which Kalshi lists in the same series (NFL); <see cref="College"/>
/// leagues hold <see cref="DemoSlateOptions.CollegeGames"/> games; <see cref="TickerHasStartTime"/> leagues write the
/// Eastern start after the date in their tickers (KXMLBGAME-26AUG072140LADAZ).
/// </summary>
public sealed record DemoLeague(
    string Code,
    string Sport,
    TimeSpan Duration,
    double SpreadPerStrength,
    decimal BaseTotal,
    int TotalRange,
    double InGameVolatility,
    double JumpRate,
    double JumpSize,
    IReadOnlyList<DemoTeam> Teams,
    string? PreseasonCompetition = null,
    bool College = false,
    bool TickerHasStartTime = false)
{
    public string WinnerSeries => $"KX{Code}GAME";

    public string SpreadSeries => $"KX{Code}SPREAD";

    public string TotalSeries => $"KX{Code}TOTAL";

    public static IReadOnlyList<DemoLeague> All { get; } =
    [
        new("NFL", "Pro Football", TimeSpan.FromMinutes(195), 40, 37.5m, 15, 0.6, 3.0, 0.45, Roster(
            "ARI Arizona", "ATL Atlanta", "BAL Baltimore", "BUF Buffalo", "CAR Carolina", "CHI Chicago", "CIN Cincinnati",
            "CLE Cleveland", "DAL Dallas", "DEN Denver", "DET Detroit", "GB Green Bay", "HOU Houston", "IND Indianapolis",
            "JAC Jacksonville", "KC Kansas City", "LV Las Vegas", "LAC Los Angeles C", "LA Los Angeles R", "MIA Miami",
            "MIN Minnesota", "NE New England", "NO New Orleans", "NYG New York G", "NYJ New York J", "PHI Philadelphia",
            "PIT Pittsburgh", "SF San Francisco", "SEA Seattle", "TB Tampa Bay", "TEN Tennessee", "WAS Washington"),
            PreseasonCompetition: "Pro Football Preseason"),
        new("NBA", "Pro Basketball", TimeSpan.FromMinutes(140), 50, 210.5m, 29, 0.8, 30, 0.08, Roster(
            "ATL Atlanta", "BOS Boston", "BKN Brooklyn", "CHA Charlotte", "CHI Chicago", "CLE Cleveland", "DAL Dallas",
            "DEN Denver", "DET Detroit", "GSW Golden State", "HOU Houston", "IND Indiana", "LAC Los Angeles C",
            "LAL Los Angeles L", "MEM Memphis", "MIA Miami", "MIL Milwaukee", "MIN Minnesota", "NOP New Orleans",
            "NYK New York", "OKC Oklahoma City", "ORL Orlando", "PHI Philadelphia", "PHX Phoenix", "POR Portland",
            "SAC Sacramento", "SAS San Antonio", "TOR Toronto", "UTA Utah", "WAS Washington")),
        new("MLB", "Pro Baseball", TimeSpan.FromMinutes(170), 0, 6.5m, 5, 0.5, 2.5, 0.5, Roster(
            "ARI Arizona", "ATL Atlanta", "BAL Baltimore", "BOS Boston", "CHC Chicago C", "CWS Chicago WS", "CIN Cincinnati",
            "CLE Cleveland", "COL Colorado", "DET Detroit", "HOU Houston", "KC Kansas City", "LAA Los Angeles A",
            "LAD Los Angeles D", "MIA Miami", "MIL Milwaukee", "MIN Minnesota", "NYM New York M", "NYY New York Y",
            "ATH Athletics", "PHI Philadelphia", "PIT Pittsburgh", "SD San Diego", "SF San Francisco", "SEA Seattle",
            "STL St. Louis", "TB Tampa Bay", "TEX Texas", "TOR Toronto", "WSH Washington"),
            TickerHasStartTime: true),
        new("NHL", "Pro Hockey", TimeSpan.FromMinutes(150), 0, 5.5m, 2, 0.45, 2.4, 0.7, Roster(
            "ANA Anaheim", "BOS Boston", "BUF Buffalo", "CGY Calgary", "CAR Carolina", "CHI Chicago", "COL Colorado",
            "CBJ Columbus", "DAL Dallas", "DET Detroit", "EDM Edmonton", "FLA Florida", "LA Los Angeles", "MIN Minnesota",
            "MTL Montreal", "NSH Nashville", "NJ New Jersey", "NYI New York I", "NYR New York R", "OTT Ottawa",
            "PHI Philadelphia", "PIT Pittsburgh", "SJ San Jose", "SEA Seattle", "STL St. Louis", "TB Tampa Bay",
            "TOR Toronto", "UTA Utah", "VAN Vancouver", "VGK Vegas", "WSH Washington", "WPG Winnipeg")),

        // Schools as Kalshi's real NCAAF events write them (codes in the ticker, names in titles and subtitles).
        new("NCAAF", "College Football", TimeSpan.FromMinutes(210), 50, 44.5m, 20, 0.6, 3.0, 0.45, Roster(
            "MSU Michigan St.", "ND Notre Dame", "LSU LSU", "MISS Ole Miss", "HOU Houston", "TTU Texas Tech", "MIA Miami (FL)",
            "IND Indiana"),
            College: true),
    ];

    private static DemoTeam[] Roster(params string[] entries) =>
        [.. entries.Select(entry => entry.Split(' ', 2)).Select(parts => new DemoTeam(parts[0], parts[1]))];
}
