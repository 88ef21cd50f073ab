using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using TradingBot.Kalshi.Tests.Docs;
using TradingBot.Tests.Shared.KalshiDocs;
using TradingBot.Kalshi.Tests.Support;
using TradingBot.Kalshi.Wire;

namespace TradingBot.Kalshi.Tests;

/// <summary>Each endpoint of <see cref="EndpointCatalog"/> against its page's OpenAPI fragment (tests/Shared/KalshiDocs/api-reference).</summary>
public class DocumentedContractTests
{
    public static TheoryData<string> Pages => new(EndpointCatalog.All.Select(e => e.Page));

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_documented_reply_field_is_mapped(string page)
    {
        var doc = ApiDoc.Load(page);
        var endpoint = EndpointCatalog.Get(page);
        Assert.Empty(WireContract.UnmappedFields(doc, doc.ReplySchema(), endpoint.Reply));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_documented_reply_reads_with_unknown_fields_refused(string page)
    {
        var doc = ApiDoc.Load(page);
        var sample = doc.SampleReply().ToJsonString();
        var value = JsonSerializer.Deserialize(sample, KalshiJson.Strict.GetTypeInfo(EndpointCatalog.Get(page).Reply)!);
        Assert.NotNull(value);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_client_calls_the_documented_method_and_path_and_reads_the_reply(string page)
    {
        var doc = ApiDoc.Load(page);
        var endpoint = EndpointCatalog.Get(page);
        var venue = new RecordedVenue().Reply(new HttpMethod(doc.Method.ToUpperInvariant()), endpoint.SamplePath, (HttpStatusCode)int.Parse(doc.SuccessStatus, CultureInfo.InvariantCulture), doc.SampleReply().ToJsonString());

        var error = await endpoint.Call(TestClients.Create(venue));

        Assert.Null(error);
        var request = Assert.Single(venue.Requests);
        Assert.Equal(doc.Method.ToUpperInvariant(), request.Method.Method);
        var template = "^" + Regex.Replace(Regex.Escape(doc.Path.TrimStart('/')), @"\\\{[a-z_]+}", "[^/]+") + "$";
        Assert.Matches(template, request.Uri.AbsolutePath[RecordedVenue.BaseAddress.AbsolutePath.Length..]);
        var sent = request.Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => Uri.UnescapeDataString(p.Split('=')[0]));
        Assert.All(sent, name => Assert.Contains(name, doc.QueryParameters));
    }
}

/// <summary>The schema validator the simulator's replies are held to, checked against the docs' own samples first.</summary>
public class SchemaValidatorTests
{
    [Theory]
    [MemberData(nameof(DocumentedContractTests.Pages), MemberType = typeof(DocumentedContractTests))]
    public void The_documented_sample_reply_is_valid(string page)
    {
        var doc = ApiDoc.Load(page);
        Assert.Empty(SchemaValidator.Problems(doc, doc.ReplySchema(), doc.SampleReply()));
    }

    [Fact]
    public void A_misspelt_missing_or_mistyped_field_is_caught()
    {
        var doc = ApiDoc.Load("market/get-market.md");
        var reply = doc.SampleReply();
        var market = reply["market"]!.AsObject();
        market.Remove("ticker");
        market["tickr"] = "KX";
        market["close_time"] = "tomorrow";
        market["can_close_early"] = "yes";
        market["status"] = "open";

        var problems = SchemaValidator.Problems(doc, doc.ReplySchema(), reply);

        Assert.Contains(problems, p => p.Contains("'ticker' is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'tickr' is not in the documented schema", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("close_time: 'tomorrow' is not a date-time", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("can_close_early: expected a boolean", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'open' is not one of the documented values", StringComparison.Ordinal));
    }
}
