namespace TradingBot.Worker.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests run one after another: each runs a simulator and a bot process with second-scale timers,
/// and on a two-core machine two such worlds at once would mostly measure each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection
{
    public const string Name = "End to end";
}
