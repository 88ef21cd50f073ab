using System.Text.Json.Nodes;
using TradingBot.Tests.Shared;

namespace TradingBot.Worker.Tests.Support;

/// <summary>A copy of the shipped appsettings.json in a temporary folder, edited by a test.</summary>
internal sealed class TempConfig : IDisposable
{
    public TempConfig(Action<JsonObject>? edit = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("tradingbot-test-").FullName;
        var json = JsonNode.Parse(File.ReadAllText(ShippedPath))!.AsObject();
        edit?.Invoke(json);
        Path = System.IO.Path.Combine(Directory, "appsettings.json");
        File.WriteAllText(Path, json.ToJsonString());
    }

    public static string ShippedPath => System.IO.Path.Combine(RepositoryLayout.Root, "appsettings.json");

    public string Directory { get; }

    public string Path { get; }

    public static TempConfig WithText(string text)
    {
        var config = new TempConfig();
        File.WriteAllText(config.Path, text);
        return config;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
