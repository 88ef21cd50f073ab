using TradingBot.Core.Sports;

namespace TradingBot.Core.Tests.Sports;

/// <summary>Every team as odds feeds spell it (The Odds API's names), with the Kalshi code it must map to.</summary>
internal static class FeedNames
{
    private const string Table = """
        Nfl ARI Arizona Cardinals
        Nfl ATL Atlanta Falcons
        Nfl BAL Baltimore Ravens
        Nfl BUF Buffalo Bills
        Nfl CAR Carolina Panthers
        Nfl CHI Chicago Bears
        Nfl CIN Cincinnati Bengals
        Nfl CLE Cleveland Browns
        Nfl DAL Dallas Cowboys
        Nfl DEN Denver Broncos
        Nfl DET Detroit Lions
        Nfl GB Green Bay Packers
        Nfl HOU Houston Texans
        Nfl IND Indianapolis Colts
        Nfl JAC Jacksonville Jaguars
        Nfl KC Kansas City Chiefs
        Nfl LV Las Vegas Raiders
        Nfl LAC Los Angeles Chargers
        Nfl LA Los Angeles Rams
        Nfl MIA Miami Dolphins
        Nfl MIN Minnesota Vikings
        Nfl NE New England Patriots
        Nfl NO New Orleans Saints
        Nfl NYG New York Giants
        Nfl NYJ New York Jets
        Nfl PHI Philadelphia Eagles
        Nfl PIT Pittsburgh Steelers
        Nfl SF San Francisco 49ers
        Nfl SEA Seattle Seahawks
        Nfl TB Tampa Bay Buccaneers
        Nfl TEN Tennessee Titans
        Nfl WAS Washington Commanders
        Nba ATL Atlanta Hawks
        Nba BOS Boston Celtics
        Nba BKN Brooklyn Nets
        Nba CHA Charlotte Hornets
        Nba CHI Chicago Bulls
        Nba CLE Cleveland Cavaliers
        Nba DAL Dallas Mavericks
        Nba DEN Denver Nuggets
        Nba DET Detroit Pistons
        Nba GSW Golden State Warriors
        Nba HOU Houston Rockets
        Nba IND Indiana Pacers
        Nba LAC Los Angeles Clippers
        Nba LAL Los Angeles Lakers
        Nba MEM Memphis Grizzlies
        Nba MIA Miami Heat
        Nba MIL Milwaukee Bucks
        Nba MIN Minnesota Timberwolves
        Nba NOP New Orleans Pelicans
        Nba NYK New York Knicks
        Nba OKC Oklahoma City Thunder
        Nba ORL Orlando Magic
        Nba PHI Philadelphia 76ers
        Nba PHX Phoenix Suns
        Nba POR Portland Trail Blazers
        Nba SAC Sacramento Kings
        Nba SAS San Antonio Spurs
        Nba TOR Toronto Raptors
        Nba UTA Utah Jazz
        Nba WAS Washington Wizards
        Mlb ARI Arizona Diamondbacks
        Mlb ATH Oakland Athletics
        Mlb ATL Atlanta Braves
        Mlb BAL Baltimore Orioles
        Mlb BOS Boston Red Sox
        Mlb CHC Chicago Cubs
        Mlb CWS Chicago White Sox
        Mlb CIN Cincinnati Reds
        Mlb CLE Cleveland Guardians
        Mlb COL Colorado Rockies
        Mlb DET Detroit Tigers
        Mlb HOU Houston Astros
        Mlb KC Kansas City Royals
        Mlb LAA Los Angeles Angels
        Mlb LAD Los Angeles Dodgers
        Mlb MIA Miami Marlins
        Mlb MIL Milwaukee Brewers
        Mlb MIN Minnesota Twins
        Mlb NYM New York Mets
        Mlb NYY New York Yankees
        Mlb PHI Philadelphia Phillies
        Mlb PIT Pittsburgh Pirates
        Mlb SD San Diego Padres
        Mlb SF San Francisco Giants
        Mlb SEA Seattle Mariners
        Mlb STL St.Louis Cardinals
        Mlb TB Tampa Bay Rays
        Mlb TEX Texas Rangers
        Mlb TOR Toronto Blue Jays
        Mlb WSH Washington Nationals
        Nhl ANA Anaheim Ducks
        Nhl BOS Boston Bruins
        Nhl BUF Buffalo Sabres
        Nhl CGY Calgary Flames
        Nhl CAR Carolina Hurricanes
        Nhl CHI Chicago Blackhawks
        Nhl COL Colorado Avalanche
        Nhl CBJ Columbus Blue Jackets
        Nhl DAL Dallas Stars
        Nhl DET Detroit Red Wings
        Nhl EDM Edmonton Oilers
        Nhl FLA Florida Panthers
        Nhl LAK Los Angeles Kings
        Nhl MIN Minnesota Wild
        Nhl MTL Montréal Canadiens
        Nhl NSH Nashville Predators
        Nhl NJD New Jersey Devils
        Nhl NYI New York Islanders
        Nhl NYR New York Rangers
        Nhl OTT Ottawa Senators
        Nhl PHI Philadelphia Flyers
        Nhl PIT Pittsburgh Penguins
        Nhl SJS San Jose Sharks
        Nhl SEA Seattle Kraken
        Nhl STL St Louis Blues
        Nhl TBL Tampa Bay Lightning
        Nhl TOR Toronto Maple Leafs
        Nhl UTA Utah Hockey Club
        Nhl VAN Vancouver Canucks
        Nhl VGK Vegas Golden Knights
        Nhl WSH Washington Capitals
        Nhl WPG Winnipeg Jets
        """;

    public static IReadOnlyList<(League League, string Code, string Name)> All { get; } = Table
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split(' ', 3))
        .Select(parts => (Enum.Parse<League>(parts[0]), parts[1], parts[2]))
        .ToList();

    public static TheoryData<League, string, string> Rows()
    {
        var data = new TheoryData<League, string, string>();
        foreach (var (league, code, name) in All)
            data.Add(league, code, name);
        return data;
    }
}
