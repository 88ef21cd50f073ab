namespace TradingBot.Core.Settings;

/// <summary>
/// A typed section of the operator's configuration. The host binds it from its section and refuses to
/// start while <see cref="Validate"/> reports anything; the rules live beside the values they guard.
/// </summary>
public interface ISettingsSection
{
    static abstract string SectionName { get; }

    IEnumerable<SettingsProblem> Validate();
}

/// <summary>The value must appear in the configuration: there is no safe default for it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredSettingAttribute : Attribute;

/// <summary>The value is masked wherever configuration is printed.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
