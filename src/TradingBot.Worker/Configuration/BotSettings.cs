using Microsoft.Extensions.Options;
using TradingBot.Core.Engine;
using TradingBot.Core.Pricing;
using TradingBot.Forecasts.Options;
using TradingBot.Worker.Notifications;
using TradingBot.Core.Risk;
using TradingBot.Core.Settings;
using TradingBot.Kalshi;
using TradingBot.Storage;

namespace TradingBot.Worker.Configuration;

/// <summary>One configuration section the host knows: its name, its type and how it joins the container.</summary>
internal sealed record SettingsSection(string Name, Type Type, Action<IServiceCollection, CheckedSettings> Register);

/// <summary>The catalogue of the operator's configuration: every section and the rules that span sections.</summary>
internal static class BotSettings
{
    public static IReadOnlyList<SettingsSection> Sections { get; } =
    [
        Of<TradingBotOptions>(),
        Of<KalshiOptions>(),
        Of<RiskOptions>(),
        Of<StrategyOptions>(),
        Of<ScannerOptions>(),
        Of<FileFeedOptions>(),
        Of<HttpFeedOptions>(),
        Of<SportsbookOptions>(),
        Of<EloOptions>(),
        Of<BlendOptions>(),
        Of<StorageOptions>(),
        Of<DashboardOptions>(),
        Of<MetricsOptions>(),
        Of<TradingBot.Backtest.Recording.RecorderOptions>(),
        Of<NotificationOptions>(),
    ];

    /// <summary>Top-level sections read by other components (Serilog reads its own).</summary>
    public static IReadOnlyList<string> ForeignSections { get; } = ["Serilog"];

    /// <summary>Rules that need more than one section, chiefly what each mode demands.</summary>
    public static IEnumerable<SettingsProblem> CrossSectionProblems(CheckedSettings settings)
    {
        var bot = settings.Get<TradingBotOptions>();
        var kalshi = settings.Get<KalshiOptions>();
        var storage = settings.Get<StorageOptions>();
        if (bot.Mode is TradingMode.Demo or TradingMode.Live)
        {
            if (kalshi.ApiKeyId.Length == 0)
                yield return new("Kalshi:ApiKeyId", $"is required in {bot.Mode} mode");
            if (kalshi.PrivateKeyPath.Length == 0)
                yield return new("Kalshi:PrivateKeyPath", $"is required in {bot.Mode} mode");
        }

        if (bot.Mode == TradingMode.Live)
        {
            if (!bot.ConfirmLive)
                yield return new("TradingBot:ConfirmLive", "must be true to trade real money in Live mode");
            if (storage.Provider != StorageProvider.Postgres)
                yield return new("Storage:Provider", "must be Postgres in Live mode");
        }
    }

    /// <summary>
    /// The host gets the very instance <see cref="ConfigurationCheck"/> bound and validated, not a second binding: the
    /// options binder would append a configured list (Scanner:Series) to its default instead of replacing it.
    /// </summary>
    private static SettingsSection Of<T>() where T : class, ISettingsSection, new() =>
        new(T.SectionName, typeof(T), static (services, settings) => services.AddSingleton(Options.Create(settings.Get<T>())));
}
