using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Forecasts.Common;
using TradingBot.Forecasts.Options;

namespace TradingBot.Forecasts.Blend;

/// <summary>
/// Several sources as one: the weighted mean of their forecasts in log-odds space, over the sources that have a
/// forecast for the market (a source that is silent does not drag the blend toward anything). Log-odds rather
/// than plain probabilities so that two sources agreeing on a long shot keep it a long shot. A forecast of exactly
/// 0 or 1 is held <see cref="Epsilon"/> inside before blending. The blend is as old as the oldest forecast in it.
/// </summary>
public sealed class WeightedBlendSource : IForecastSource
{
    public const double Epsilon = 1e-6;

    private readonly IReadOnlyList<(IForecastSource Source, double Weight)> _members;
    private readonly string? _setupProblem;

    public WeightedBlendSource(IEnumerable<(IForecastSource Source, double Weight)> members, string name = "blend", string? setupProblem = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        _members = members.Where(m => m.Weight > 0 && double.IsFinite(m.Weight)).ToList();
        Name = name;
        _setupProblem = setupProblem;
    }

    public string Name { get; }

    /// <summary>Members by the weights of <see cref="BlendOptions"/>; a weight naming no given source is reported in health.</summary>
    public static WeightedBlendSource FromOptions(BlendOptions options, IEnumerable<IForecastSource> sources)
    {
        ArgumentNullException.ThrowIfNull(options);
        var available = sources.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        var members = options.Weights
            .Where(w => w.Value > 0 && available.ContainsKey(w.Key))
            .Select(w => (available[w.Key], (double)w.Value));
        var missing = options.Weights.Where(w => w.Value > 0 && !available.ContainsKey(w.Key)).Select(w => w.Key).ToList();
        return new WeightedBlendSource(members, setupProblem: missing.Count == 0 ? null : $"weighted but not running: {string.Join(", ", missing)}");
    }

    public ForecastSourceHealth Health
    {
        get
        {
            var healths = _members.Select(m => SafeHealth(m.Source)).ToList();
            var updated = healths.Where(h => h.LastUpdated is not null).Select(h => h.LastUpdated!.Value).ToList();
            var problems = healths.Where(h => h.Problem is not null).Select(h => $"{h.Name}: {h.Problem}");
            return new ForecastSourceHealth(
                Name,
                updated.Count > 0 ? updated.Min() : null,
                healths.Count > 0 ? healths.Max(h => h.Markets) : 0,
                ProblemText.Join([_members.Count == 0 ? "no source has a weight above 0" : null, _setupProblem, .. problems]));
        }
    }

    public Forecast? Get(ForecastRequest market)
    {
        double weightedLogOdds = 0, totalWeight = 0;
        DateTimeOffset? oldest = null;
        foreach (var (source, weight) in _members)
        {
            Forecast? forecast;
            try
            {
                forecast = source.Get(market);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A member breaking its promise never to throw costs its vote, not the blend.
                continue;
            }

            if (forecast is not { } f)
                continue;
            var p = Math.Clamp((double)f.Yes.Value, Epsilon, 1 - Epsilon);
            weightedLogOdds += weight * Math.Log(p / (1 - p));
            totalWeight += weight;
            oldest = oldest is { } o && o <= f.AsOf ? o : f.AsOf;
        }

        if (totalWeight == 0 || oldest is not { } asOf)
            return null;
        var blended = 1 / (1 + Math.Exp(-weightedLogOdds / totalWeight));
        return new Forecast(Math.Clamp(Math.Round((decimal)blended, 6), 0m, 1m), asOf);
    }

    public Task RefreshAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_members.Select(m => SafeRefreshAsync(m.Source, cancellationToken)));

    private static async Task SafeRefreshAsync(IForecastSource source, CancellationToken cancellationToken)
    {
        try
        {
            await source.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Members report their own problems; one that throws anyway must not stop the others refreshing.
        }
    }

    private static ForecastSourceHealth SafeHealth(IForecastSource source)
    {
        try
        {
            return source.Health;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new ForecastSourceHealth(source.Name, null, 0, $"health failed: {e.Message}");
        }
    }
}
