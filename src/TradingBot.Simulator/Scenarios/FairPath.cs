using TradingBot.Core.Exchange;
using TradingBot.Simulator.MarketMaking;

namespace TradingBot.Simulator.Scenarios;

/// <summary>
/// A market's hidden fair probability: a random walk on log-odds, stepped on a fixed grid (every
/// <see cref="GridStep"/> from the origin, plus the game's start and end), so the path depends on its seed and
/// schedule only, never on how often the host steps. Before the game it drifts slowly; during play its volatility
/// grows as the clock runs down and scoring events make it jump; at the final whistle the result is set and the
/// probability becomes 1 or 0.
/// With a drawn outcome the walk is a martingale in probability and the result is drawn from the final
/// probability, so the fair is calibrated at every moment. A forced outcome uses the same walk conditioned on that
/// result (drift ±σ²/2 on log-odds, jumps tilted by Bayes), which still converges to it.
/// Alongside the fair runs the consensus the market makers quote around: the fair plus a mean-reverting error,
/// lagging behind scoring jumps. Its own random stream keeps the fair path identical whatever the makers do.
/// </summary>
public sealed class FairPath
{
    public static readonly TimeSpan GridStep = TimeSpan.FromSeconds(10);

    /// <summary>Keeps probabilities within about [0.0001, 0.9999]: beyond that no tick could tell them apart.</summary>
    private const double MaxLogOdds = 9.2;

    /// <summary>Volatility during play grows like 1/√(time left + this share of the game), finite at the end.</summary>
    private const double RunDownFloor = 0.005;

    private readonly PathSpec _spec;
    private readonly OutcomeRule _rule;
    private readonly DateTimeOffset _origin;
    private readonly Random _random;
    private readonly Random _consensusRandom;
    private readonly double _mispricing;
    private readonly double _halfLifeHours;
    private readonly double _jumpLag;
    private readonly List<DateTimeOffset> _jumps = [];
    private double _logOdds;
    private double _error;

    public FairPath(PathSpec spec, OutcomeRule rule, DateTimeOffset origin, DateTimeOffset start, DateTimeOffset end, MarketMakerOptions market)
    {
        if (end <= start || end <= origin)
            throw new ArgumentException("a path needs a game that ends after it starts and after the path's origin", nameof(end));
        _spec = spec;
        _rule = rule;
        _origin = origin;
        Start = start;
        End = end;
        At = origin;
        _random = new Random(spec.Seed);
        _consensusRandom = new Random(unchecked((spec.Seed * 7919) + 104_729));
        _mispricing = market.Mispricing;
        _halfLifeHours = market.MispricingHalfLife.TotalHours;
        _jumpLag = market.JumpLag;
        _logOdds = Clamp(Logit(spec.StartProbability));
        _error = _mispricing > 0 ? _mispricing * Normal(_consensusRandom) : 0;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    /// <summary>The last grid point the path has reached.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>Set at the end of the game.</summary>
    public MarketResult? Result { get; private set; }

    public double Probability => Result is { } result ? (result == MarketResult.Yes ? 1 : 0) : Logistic(_logOdds);

    /// <summary>Where the market makers believe the fair probability is.</summary>
    public double Consensus => Result is null ? Logistic(Clamp(_logOdds + _error)) : Probability;

    /// <summary>When scoring events moved the path.</summary>
    public IReadOnlyList<DateTimeOffset> Jumps => _jumps;

    public void AdvanceTo(DateTimeOffset now)
    {
        while (Result is null)
        {
            var next = NextPoint();
            if (next > now)
                return;
            StepTo(next);
        }
    }

    /// <summary>
    /// Moves the fair by hand, as news would: the makers' consensus follows only partly at first. Refused once the
    /// game has ended.
    /// </summary>
    public bool TryMoveTo(double probability)
    {
        if (Result is not null || !double.IsFinite(probability) || probability <= 0 || probability >= 1)
            return false;
        var target = Clamp(Logit(probability));
        _error -= _jumpLag * (target - _logOdds);
        _logOdds = target;
        return true;
    }

    internal static double Logistic(double logOdds) => 1 / (1 + Math.Exp(-logOdds));

    internal static double Logit(double probability) => Math.Log(probability / (1 - probability));

    private DateTimeOffset NextPoint()
    {
        var steps = ((At - _origin).Ticks / GridStep.Ticks) + 1;
        var next = _origin + TimeSpan.FromTicks(steps * GridStep.Ticks);
        if (At < Start && Start < next)
            return Start;
        return End < next ? End : next;
    }

    private void StepTo(DateTimeOffset next)
    {
        var hours = (next - At).TotalHours;
        var inGame = At >= Start;
        var variance = inGame ? InGameVariance(At, next) : _spec.Volatility * _spec.Volatility * hours;
        var probability = Logistic(_logOdds);
        var drift = _rule switch
        {
            OutcomeRule.Yes => 0.5 * variance,
            OutcomeRule.No => -0.5 * variance,
            _ => (probability - 0.5) * variance,
        };
        var move = drift + (Math.Sqrt(variance) * Normal(_random));
        var jump = 0.0;
        if (inGame && _spec.JumpRate > 0 && _spec.JumpSize > 0 && _random.NextDouble() < 1 - Math.Exp(-_spec.JumpRate * hours))
        {
            jump = Jump(probability);
            _jumps.Add(next);
        }

        _logOdds = Clamp(_logOdds + move + jump);
        StepConsensus(hours, jump);
        At = next;
        if (At >= End)
            Result = Resolve();
    }

    /// <summary>∫σ² dt over the step, with σ² = σ₀² · D / (time left + floor · D): exact for any step length.</summary>
    private double InGameVariance(DateTimeOffset from, DateTimeOffset to)
    {
        var duration = (End - Start).TotalHours;
        var floor = RunDownFloor * duration;
        var leftBefore = (End - from).TotalHours;
        var leftAfter = (End - to).TotalHours;
        return _spec.InGameVolatility * _spec.InGameVolatility * duration * Math.Log((leftBefore + floor) / (leftAfter + floor));
    }

    /// <summary>
    /// A scoring event moves log-odds by ±size. Up with the probability that keeps the fair a martingale; for a
    /// forced outcome, that probability reweighted by how likely each move makes the outcome.
    /// </summary>
    private double Jump(double probability)
    {
        var size = _spec.JumpSize;
        var up = Logistic(_logOdds + size);
        var down = Logistic(_logOdds - size);
        var upChance = (probability - down) / (up - down);
        upChance = _rule switch
        {
            OutcomeRule.Yes => upChance * up / probability,
            OutcomeRule.No => upChance * (1 - up) / (1 - probability),
            _ => upChance,
        };
        return _random.NextDouble() < upChance ? size : -size;
    }

    private void StepConsensus(double hours, double jump)
    {
        var keep = Math.Exp(-Math.Log(2) * hours / _halfLifeHours);
        _error *= keep;
        if (_mispricing > 0)
            _error += _mispricing * Math.Sqrt(1 - (keep * keep)) * Normal(_consensusRandom);
        _error -= _jumpLag * jump;
    }

    private MarketResult Resolve() => _rule switch
    {
        OutcomeRule.Yes => MarketResult.Yes,
        OutcomeRule.No => MarketResult.No,
        _ => _random.NextDouble() < Logistic(_logOdds) ? MarketResult.Yes : MarketResult.No,
    };

    private static double Clamp(double logOdds) => Math.Clamp(logOdds, -MaxLogOdds, MaxLogOdds);

    /// <summary>Box–Muller; 1 − u keeps the logarithm away from zero.</summary>
    private static double Normal(Random random)
    {
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
