using Microsoft.AspNetCore.Http;

namespace TradingBot.Simulator.Http.Faults;

/// <summary>What the injector decided for a request before it is handled.</summary>
internal readonly record struct FaultDecision(TimeSpan Latency, FaultSpec? Terminal);

/// <summary>
/// Injects failures into the Kalshi API so the client meets what production can do to it: error statuses, slow
/// answers, dropped connections, and order creates whose outcome it cannot know. Thread-safe; randomness comes from
/// a seedable source so a failing run can be replayed.
/// </summary>
public sealed class FaultInjector(Random? random = null)
{
    private const string ApiRoot = "/trade-api/v2";

    private readonly Lock _lock = new();
    private readonly List<Rule> _rules = [];
    private readonly Random _random = random ?? new Random();
    private long _nextId;
    private long _delaysStarted;

    /// <summary>How many injected delays (latency, or an accept-then-timeout hold) are timed so far: lets a test wait until a request is being held.</summary>
    public long DelaysStarted => Interlocked.Read(ref _delaysStarted);

    public string Add(FaultSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Probability is < 0 or > 1 || double.IsNaN(spec.Probability))
            throw new ArgumentException("probability is between 0 and 1", nameof(spec));
        if (spec.Count is <= 0)
            throw new ArgumentException("count is positive", nameof(spec));
        if (spec.Kind == FaultKind.Status && spec.Status is < 400 or > 599)
            throw new ArgumentException("an injected status is 4xx or 5xx", nameof(spec));
        if (spec.Kind == FaultKind.Latency && spec.Latency <= TimeSpan.Zero)
            throw new ArgumentException("a latency fault needs a positive latency", nameof(spec));
        lock (_lock)
        {
            var rule = new Rule($"fault-{++_nextId}", spec, spec.Count);
            _rules.Add(rule);
            return rule.Id;
        }
    }

    public bool Remove(string id)
    {
        lock (_lock)
            return _rules.RemoveAll(r => r.Id == id) > 0;
    }

    public void Clear()
    {
        lock (_lock)
            _rules.Clear();
    }

    public IReadOnlyList<ActiveFault> List()
    {
        lock (_lock)
            return _rules.Select(r => new ActiveFault(r.Id, r.Spec, r.Remaining)).ToList();
    }

    /// <summary>Latency to add (all matching latency faults) and the first status or drop fault that fires.</summary>
    internal FaultDecision Before(HttpRequest request)
    {
        lock (_lock)
        {
            var latency = TimeSpan.Zero;
            foreach (var rule in _rules.ToList())
            {
                if (rule.Spec.Kind is FaultKind.AcceptThen500 or FaultKind.AcceptThenTimeout || !Fires(rule, request))
                    continue;
                if (rule.Spec.Kind == FaultKind.Latency)
                {
                    latency += rule.Spec.Latency;
                    continue;
                }

                return new FaultDecision(latency, rule.Spec);
            }

            return new FaultDecision(latency, null);
        }
    }

    /// <summary>After an order create succeeded: the accept-then fault that fires, if any.</summary>
    internal FaultSpec? AfterAccepted(HttpRequest request)
    {
        lock (_lock)
        {
            return _rules.ToList()
                .FirstOrDefault(r => r.Spec.Kind is FaultKind.AcceptThen500 or FaultKind.AcceptThenTimeout && Fires(r, request))
                ?.Spec;
        }
    }

    /// <summary>Times an injected delay on <paramref name="clock"/>; counted once its timer exists, so advancing a fake clock afterwards ends it.</summary>
    internal Task Delay(TimeSpan delay, TimeProvider clock, CancellationToken cancellation)
    {
        var task = Task.Delay(delay, clock, cancellation);
        Interlocked.Increment(ref _delaysStarted);
        return task;
    }

    /// <summary>Matches, rolls the dice, and uses up one of the rule's count when it fires.</summary>
    private bool Fires(Rule rule, HttpRequest request)
    {
        if (!Matches(rule.Spec, request) || (rule.Spec.Probability < 1 && _random.NextDouble() >= rule.Spec.Probability))
            return false;
        if (rule.Remaining is { } remaining)
        {
            rule.Remaining = remaining - 1;
            if (rule.Remaining == 0)
                _rules.Remove(rule);
        }

        return true;
    }

    private static bool Matches(FaultSpec spec, HttpRequest request)
    {
        if (spec.Method is { Length: > 0 } method && !method.Equals(request.Method, StringComparison.OrdinalIgnoreCase))
            return false;
        if (spec.PathPrefix is not { Length: > 0 } prefix)
            return true;
        var absolute = prefix.StartsWith(ApiRoot, StringComparison.Ordinal) ? prefix : ApiRoot + "/" + prefix.TrimStart('/');
        return (request.PathBase + request.Path).ToString().StartsWith(absolute, StringComparison.Ordinal);
    }

    private sealed class Rule(string id, FaultSpec spec, int? remaining)
    {
        public string Id { get; } = id;

        public FaultSpec Spec { get; } = spec;

        public int? Remaining { get; set; } = remaining;
    }
}
