using System.Reflection;
using TradingBot.Core.Settings;

namespace TradingBot.Worker.Configuration;

/// <summary>Every section bound, and every problem found, in one pass.</summary>
internal sealed class CheckedSettings(IReadOnlyDictionary<Type, object> values, IReadOnlyList<SettingsProblem> problems)
{
    public IReadOnlyList<SettingsProblem> Problems { get; } = problems;

    public bool IsValid => Problems.Count == 0;

    public IReadOnlyDictionary<Type, object> Values { get; } = values;

    public T Get<T>() where T : class => (T)Values[typeof(T)];
}

/// <summary>
/// Binds and validates the whole configuration, collecting every problem instead of stopping at the first,
/// so the operator fixes appsettings.json in one round: unknown keys (typos), values of the wrong type,
/// missing required values, each section's rules and the rules that span sections.
/// </summary>
internal static class ConfigurationCheck
{
    public static CheckedSettings Run(IConfiguration configuration)
    {
        var problems = new List<SettingsProblem>();
        // Sections may nest (Forecasts:File): a name is known at every level it has.
        var names = BotSettings.Sections.Select(s => s.Name).Concat(BotSettings.ForeignSections).ToList();
        var known = names.Select(n => n.Split(':')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var top in configuration.GetChildren().Where(c => !known.Contains(c.Key)))
            problems.Add(new(top.Path, $"is not a known section (known: {string.Join(", ", known)})"));
        foreach (var parent in names.Where(n => n.Contains(':', StringComparison.Ordinal)).Select(n => n[..n.LastIndexOf(':')]).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var children = names.Where(n => n.StartsWith(parent + ":", StringComparison.OrdinalIgnoreCase)).Select(n => n[(parent.Length + 1)..]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var child in configuration.GetSection(parent).GetChildren().Where(c => !children.Contains(c.Key)))
                problems.Add(new(child.Path, $"is not a known section (known under {parent}: {string.Join(", ", children)})"));
        }

        var values = new Dictionary<Type, object>();
        foreach (var section in BotSettings.Sections)
            values[section.Type] = BindSection(configuration.GetSection(section.Name), section.Type, problems);

        var settings = new CheckedSettings(values, problems);
        problems.AddRange(BotSettings.CrossSectionProblems(settings));
        return new CheckedSettings(values, Deduplicate(problems));
    }

    private static object BindSection(IConfigurationSection section, Type type, List<SettingsProblem> problems)
    {
        var instance = Activator.CreateInstance(type)!;
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

        foreach (var child in section.GetChildren().Where(c => !properties.ContainsKey(c.Key)))
            problems.Add(new(child.Path, "is not a known setting (check the spelling)"));

        var unreadable = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in properties.Values)
        {
            var child = section.GetSection(property.Name);
            if (!child.Exists())
            {
                if (property.GetCustomAttribute<RequiredSettingAttribute>() is not null)
                {
                    problems.Add(new(child.Path, "is required but not set"));
                    unreadable.Add(child.Path);
                }

                continue;
            }

            try
            {
                var value = child.Get(property.PropertyType, o => o.ErrorOnUnknownConfiguration = true);
                if (value is not null)
                    property.SetValue(instance, value);
            }
            catch (InvalidOperationException)
            {
                problems.Add(new(child.Path, $"cannot be read as {Describe(property.PropertyType)} (got '{child.Value}')"));
                unreadable.Add(child.Path);
            }
        }

        // A value that is missing or unreadable is reported once, not again as "must be positive (got 0)".
        problems.AddRange(((ISettingsSection)instance).Validate().Where(p => !unreadable.Contains(p.Key)));
        return instance;
    }

    private static List<SettingsProblem> Deduplicate(List<SettingsProblem> problems) =>
        problems.Distinct().ToList();

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
            return "one of " + string.Join(", ", Enum.GetNames(type));
        if (type == typeof(decimal) || type == typeof(double))
            return "a number";
        if (type == typeof(int) || type == typeof(long))
            return "a whole number";
        if (type == typeof(bool))
            return "true or false";
        if (type == typeof(TimeSpan))
            return "a duration such as 00:05:00";
        return type.Name;
    }
}
