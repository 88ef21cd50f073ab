using System.Globalization;

namespace TradingBot.Core.Settings;

/// <summary>Collects rule violations for one section with messages that name the full key.</summary>
public sealed class SettingsRules(string section)
{
    private readonly List<SettingsProblem> _problems = [];

    public IReadOnlyList<SettingsProblem> Problems => _problems;

    public SettingsRules Fail(string name, string message)
    {
        _problems.Add(new SettingsProblem($"{section}:{name}", message));
        return this;
    }

    public SettingsRules Positive(string name, decimal value) =>
        value > 0 ? this : Fail(name, $"must be greater than 0 (got {Show(value)})");

    public SettingsRules Positive(string name, int value) =>
        value > 0 ? this : Fail(name, $"must be greater than 0 (got {Show(value)})");

    public SettingsRules Positive(string name, TimeSpan value) =>
        value > TimeSpan.Zero ? this : Fail(name, $"must be a positive duration (got {value:c})");

    public SettingsRules NotNegative(string name, TimeSpan value) =>
        value >= TimeSpan.Zero ? this : Fail(name, $"must not be negative (got {value:c})");

    public SettingsRules Between(string name, decimal value, decimal min, decimal max) =>
        value >= min && value <= max ? this : Fail(name, $"must be between {Show(min)} and {Show(max)} (got {Show(value)})");

    public SettingsRules StrictlyBetween(string name, decimal value, decimal min, decimal max) =>
        value > min && value < max ? this : Fail(name, $"must be strictly between {Show(min)} and {Show(max)} (got {Show(value)})");

    public SettingsRules NotNegative(string name, decimal value) =>
        value >= 0 ? this : Fail(name, $"must not be negative (got {Show(value)})");

    public SettingsRules Between(string name, int value, int min, int max) =>
        value >= min && value <= max ? this : Fail(name, $"must be between {Show(min)} and {Show(max)} (got {Show(value)})");

    /// <summary>Money and prices are exact: a limit of $50.005 is a typo, not a limit.</summary>
    public SettingsRules AtMostDecimals(string name, decimal value, int decimals) =>
        decimal.Round(value, decimals) == value ? this : Fail(name, $"must have at most {decimals} decimals (got {Show(value)})");

    public SettingsRules Defined<TEnum>(string name, TEnum value) where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? this : Fail(name, $"must be one of {string.Join(", ", Enum.GetNames<TEnum>())} (got {value})");

    public SettingsRules That(bool ok, string name, string message) => ok ? this : Fail(name, message);

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);
}
