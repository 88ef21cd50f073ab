using System.Globalization;
using TradingBot.Core.Sports;
using TradingBot.Forecasts.Common;

namespace TradingBot.Forecasts.Elo;

/// <summary>
/// A season's (or many seasons') final scores as CSV with the header
/// <c>league,season,date,home,away,home_score,away_score</c> and an optional <c>neutral</c> column (true/false).
/// Teams are Kalshi codes, full names or aliases; dates are yyyy-MM-dd. Bad lines are skipped and reported.
/// </summary>
public static class EloResultsCsv
{
    private static readonly string[] Required = ["league", "season", "date", "home", "away", "home_score", "away_score"];

    public static (IReadOnlyList<GameResult> Games, IReadOnlyList<InputProblem> Problems, string? Fatal) Read(TextReader reader)
    {
        if (!CsvTable.TryRead(reader, Required, out var table, out var error))
            return ([], [], error);
        var games = new List<GameResult>();
        var problems = new List<InputProblem>();
        foreach (var row in table.Rows)
        {
            GameResult? game = null;
            var problem = row.Error ?? TryRead(row, out game);
            if (problem is null)
                games.Add(game!);
            else
                problems.Add(new InputProblem($"line {row.Line}", problem));
        }

        return (games, problems, null);
    }

    private static string? TryRead(CsvRow row, out GameResult? game)
    {
        game = null;
        if (!Leagues.TryParse(row["league"], out var league) || !TeamCatalog.HasCatalog(league))
            return $"league '{row["league"]}' is not one of {string.Join(", ", TeamCatalog.Leagues)}";
        if (!int.TryParse(row["season"], NumberStyles.None, CultureInfo.InvariantCulture, out var season) || season is < 1900 or > 2200)
            return $"season '{row["season"]}' is not a year";
        if (!DateOnly.TryParseExact(row["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return $"date '{row["date"]}' is not yyyy-MM-dd";
        var home = TeamCatalog.Find(league, row["home"]);
        var away = TeamCatalog.Find(league, row["away"]);
        if (!home.Found)
            return home.Problem;
        if (!away.Found)
            return away.Problem;
        if (home.Team == away.Team)
            return $"{home.Team.Code} cannot play itself";
        if (!int.TryParse(row["home_score"], NumberStyles.None, CultureInfo.InvariantCulture, out var homeScore)
            || !int.TryParse(row["away_score"], NumberStyles.None, CultureInfo.InvariantCulture, out var awayScore))
            return $"scores '{row["home_score"]}' and '{row["away_score"]}' are not both whole numbers";
        var neutralText = row["neutral"];
        bool neutral = false;
        if (neutralText.Length > 0 && !bool.TryParse(neutralText, out neutral))
            return $"neutral '{neutralText}' is not true or false";
        game = new GameResult(league, season, date, home.Team, away.Team, homeScore, awayScore, neutral);
        return null;
    }
}
