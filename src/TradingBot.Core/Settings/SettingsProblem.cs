namespace TradingBot.Core.Settings;

/// <summary>One violated rule in the operator's configuration, named by its full key (e.g. <c>Risk:DailyLossLimit</c>).</summary>
public readonly record struct SettingsProblem(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}
