using TradingBot.Core.Engine;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;

namespace TradingBot.Backtest;

/// <summary>
/// What one replay runs with: the bot's own settings sections (bound and validated as the worker does, by the caller),
/// the worker's monitor and reconciliation intervals, the starting balance, and the window of data replayed:
/// records stamped before <see cref="From"/> or at/after <see cref="To"/> are left out (markets are always listed).
/// <see cref="ShardBalances"/>: how much of the starting balance sits on other exchange shards than 0 (Kalshi keeps
/// cash per shard, and an order spends its market's shard's cash); the rest is on shard 0.
/// </summary>
public sealed record BacktestOptions(
    RiskOptions Risk,
    StrategyOptions Strategy,
    ScannerOptions Scanner,
    TimeSpan MonitorInterval,
    TimeSpan ReconcileInterval,
    Money StartingBalance,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    IReadOnlyDictionary<int, Money>? ShardBalances = null)
{
    public static readonly Money DefaultBalance = Money.FromDollars(1000m);
}

/// <summary>How far a replay has got: records read, the replay's clock, and the share of the file read (0 to 1).</summary>
public readonly record struct BacktestProgress(long Records, DateTimeOffset At, double Fraction);
