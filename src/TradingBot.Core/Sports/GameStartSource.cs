namespace TradingBot.Core.Sports;

/// <summary>Where a game's start time came from, shown with every decision that depends on it.</summary>
public enum GameStartSource
{
    /// <summary>No start is known: the timing gate treats the game as possibly under way.</summary>
    Unknown,

    /// <summary>The event's milestone (Kalshi's own schedule of the game).</summary>
    Milestone,

    /// <summary>The HHmm a ticker carries after its date, in US Eastern time (<c>KXMLBGAME-26AUG072140LADAZ</c>).</summary>
    Ticker,
}
