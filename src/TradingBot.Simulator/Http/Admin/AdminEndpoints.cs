using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http.Limits;
using TradingBot.Simulator.Http.Mapping;
using TradingBot.Simulator.Http.Wire;
using static TradingBot.Simulator.Http.ApiRouteExtensions;

namespace TradingBot.Simulator.Http.Admin;

/// <summary>
/// The operator's and the tests' handle on the simulator, JSON in and out, under /sim. Members and keys, the market
/// clock, determination and settlement, pauses, state, faults, fees, scenarios and fair prices.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder group, SimAdmin admin)
    {
        group.MapPost("keys", Handler(http => RegisterKey(admin, http)));
        group.MapGet("keys", Handler(_ => Keys(admin)));
        group.MapGet("state", Handler(http => State(admin, http)));
        group.MapGet("clock", Handler(_ => Clock(admin)));
        group.MapPost("clock/advance", Handler(http => AdvanceClock(admin, http)));
        group.MapPost("clock/set", Handler(http => SetClock(admin, http)));
        group.MapPost("markets/{ticker}/determine", Handler(http => Determine(admin, http)));
        group.MapPost("markets/{ticker}/settle", Handler(http => Settle(admin, http)));
        group.MapPost("markets/{ticker}/active", Handler(http => MarketActive(admin, http)));
        group.MapPost("markets/{ticker}/fair-price", Handler(http => FairPrice(admin, http)));
        group.MapPost("trading", Handler(http => Toggle(http, active => admin.Exchange.SetTradingActive(active))));
        group.MapPost("exchange", Handler(http => Toggle(http, active => admin.Exchange.SetExchangeActive(active))));
        group.MapPost("members/{member_id}/deposit", Handler(http => Deposit(admin, http)));
        AdminFaultEndpoints.Map(group, admin);
        AdminFeeEndpoints.Map(group, admin);
        group.MapGet("scenarios", Handler(_ => Results.Json(new ScenariosWire(admin.Scenarios.Select(s => s.Name).ToList()), AdminJsonContext.Default.ScenariosWire)));
        group.MapPost("scenarios/{name}", Handler(http => LoadScenario(admin, http)));
    }

    private static async Task<IResult> RegisterKey(SimAdmin admin, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, AdminJsonContext.Default.RegisterKeyRequest).ConfigureAwait(false);
        RateTier? tier = null;
        if (request.Tier is { } tierName)
            tier = RateTiers.TryParse(tierName, out var t) ? t : throw ApiProblem.Invalid($"unknown tier {tierName}");
        Money? balance = null;
        if (request.StartingBalance is { } text)
            balance = Money.TryParse(text, out var m) ? m : throw ApiProblem.Invalid("starting_balance must be dollars, e.g. \"1000.00\"");
        var key = SimMembers.Register(
            admin.Exchange,
            admin.Keys,
            admin.Options,
            new MemberRegistration(request.PublicKeyPem ?? throw ApiProblem.Missing("public_key_pem"), request.MemberId, tier, balance, request.KeyId));
        return Results.Json(new KeyWire(key.Id, key.MemberId, key.Tier.WireName()), AdminJsonContext.Default.KeyWire, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Keys(SimAdmin admin) =>
        Results.Json(new KeysWire(admin.Keys.All.Select(k => new KeyWire(k.Id, k.MemberId, k.Tier.WireName())).ToList()), AdminJsonContext.Default.KeysWire);

    private static IResult State(SimAdmin admin, HttpContext http)
    {
        var memberFilter = new QueryReader(http.Request.Query).Text("member_id");
        var state = admin.Exchange.Read(x => new StateWire
        {
            MarketTime = WireFormat.Time(x.Clock.GetUtcNow()),
            WallTime = WireFormat.Time(admin.Options.WallClock.GetUtcNow()),
            ExchangeActive = x.ExchangeActive,
            TradingActive = x.TradingActive,
            Members = x.Accounts.Values
                .Where(a => memberFilter is null || a.MemberId == memberFilter)
                .OrderBy(a => a.MemberId, StringComparer.Ordinal)
                .Select(a => new MemberStateWire
                {
                    MemberId = a.MemberId,
                    Cash = WireFormat.Dollars(a.Cash),
                    Reserved = WireFormat.Dollars(a.Reserved),
                    Balance = WireFormat.Dollars(a.Available),
                    Positions = a.Positions.Values.Where(p => p.SignedHundredths != 0 || p.TotalTraded != Money.Zero)
                        .OrderBy(p => p.Ticker, StringComparer.Ordinal).Select(p => PortfolioMapper.Position(p, x.Markets[p.Ticker].ExchangeIndex)).ToList(),
                    Orders = a.Orders.Select(PortfolioMapper.Order).ToList(),
                    OrderGroups = x.OrderGroups.Values.Where(g => g.MemberId == a.MemberId).OrderBy(g => g.Id, StringComparer.Ordinal)
                        .Select(g => new GroupStateWire(g.Id, WireFormat.Count(g.Limit), WireFormat.Count(g.FilledSinceReset), g.IsTriggered)).ToList(),
                })
                .ToList(),
            Markets = x.Markets.Values.OrderBy(m => m.Ticker, StringComparer.Ordinal)
                .Select(m => new MarketStateWire(m.Ticker, WireFormat.Status(m.Status), WireFormat.Result(m.Result), WireFormat.Time(m.CloseTime)))
                .ToList(),
        });
        return Results.Json(state, AdminJsonContext.Default.StateWire);
    }

    private static IResult Clock(SimAdmin admin) =>
        Results.Json(new ClockWire(WireFormat.Time(admin.Clock.GetUtcNow()), WireFormat.Time(admin.Options.WallClock.GetUtcNow()), admin.Clock.Speed, admin.Clock.IsFrozen), AdminJsonContext.Default.ClockWire);

    private static async Task<IResult> AdvanceClock(SimAdmin admin, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, AdminJsonContext.Default.AdvanceClockRequest).ConfigureAwait(false);
        var seconds = request.Seconds ?? throw ApiProblem.Missing("seconds");
        if (seconds < 0 || seconds > 10m * 365 * 24 * 3600)
            throw ApiProblem.Invalid("seconds must be 0 to ten years");
        admin.Clock.Advance(TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond)));
        admin.ClockMoved();
        return Clock(admin);
    }

    private static async Task<IResult> SetClock(SimAdmin admin, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, AdminJsonContext.Default.SetClockRequest).ConfigureAwait(false);
        admin.Clock.Set(request.Now ?? throw ApiProblem.Missing("now"));
        admin.ClockMoved();
        return Clock(admin);
    }

    private static async Task<IResult> Determine(SimAdmin admin, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, AdminJsonContext.Default.DetermineRequest).ConfigureAwait(false);
        var result = request.Result switch
        {
            "yes" => MarketResult.Yes,
            "no" => MarketResult.No,
            null => throw ApiProblem.Missing("result"),
            _ => throw ApiProblem.Invalid("result must be yes or no"),
        };
        admin.Exchange.Determine(Ticker(http), result);
        return Ok();
    }

    private static IResult Settle(SimAdmin admin, HttpContext http)
    {
        admin.Exchange.Settle(Ticker(http));
        return Ok();
    }

    private static async Task<IResult> MarketActive(SimAdmin admin, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, AdminJsonContext.Default.ActiveRequest).ConfigureAwait(false);
        admin.Exchange.SetMarketActive(Ticker(http), request.Active ?? throw ApiProblem.Missing("active"));
        return Ok();
    }

    private static async Task<IResult> FairPrice(SimAdmin admin, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, AdminJsonContext.Default.FairPriceRequest).ConfigureAwait(false);
        var price = Price.TryParse(request.Price, out var p) && p.IsTradable ? p : throw ApiProblem.Invalid("price must be a dollar price strictly between 0 and 1");
        if (admin.FairPrices is not { } prices)
            throw new ApiProblem(StatusCodes.Status409Conflict, "no_scenario", "no scenario moves fair prices in this simulator");
        return prices.TrySet(Ticker(http), price) ? Ok() : throw ApiProblem.NotFound($"no scenario quotes {Ticker(http)}");
    }

    private static async Task<IResult> Toggle(HttpContext http, Action<bool> apply)
    {
        var request = await SimApi.ReadBody(http, AdminJsonContext.Default.ActiveRequest).ConfigureAwait(false);
        apply(request.Active ?? throw ApiProblem.Missing("active"));
        return Ok();
    }

    private static async Task<IResult> Deposit(SimAdmin admin, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, AdminJsonContext.Default.DepositRequest).ConfigureAwait(false);
        var amount = Money.TryParse(request.Amount, out var m) ? m : throw ApiProblem.Invalid("amount must be dollars, e.g. \"100.00\"");
        if (request.ExchangeIndex is { } shard && !ExchangeShards.All.Contains(shard))
            throw ApiProblem.Invalid($"exchange_index {shard} does not exist");
        if (request.Subaccount is < 0 or > 63)
            throw ApiProblem.Invalid("subaccount must be 0 to 63");
        var member = (string)http.Request.RouteValues["member_id"]!;
        var subaccount = request.Subaccount ?? 0;
        var id = SimAccount.IdOf(member, subaccount);
        admin.Exchange.Read(x =>
        {
            // A numbered subaccount is opened by its first deposit, like its primary's, with the primary's precision.
            if (subaccount > 0 && !x.Accounts.ContainsKey(id))
                x.OpenAccount(member, Money.Zero, x.Accounts.TryGetValue(member, out var primary) ? primary.BalanceDecimals : Money.CentDecimals, subaccount: subaccount);
            x.Deposit(id, amount, request.ExchangeIndex ?? ExchangeShards.Default);
            return 0;
        });
        return Ok();
    }

    /// <summary>The body, when there is one, is the scenario's parameters.</summary>
    private static async Task<IResult> LoadScenario(SimAdmin admin, HttpContext http)
    {
        var name = (string)http.Request.RouteValues["name"]!;
        var scenario = admin.Scenarios.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw ApiProblem.NotFound($"no scenario {name}");
        JsonElement? parameters = null;
        if (http.Request.ContentLength is not 0 && (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0))
            parameters = await SimApi.ReadBody(http, AdminJsonContext.Default.JsonElement).ConfigureAwait(false);
        scenario.Load(admin.Exchange, parameters);

        // What the scenario listed opens or closes by the current market clock.
        admin.Exchange.Tick();
        return Ok();
    }

    private static string Ticker(HttpContext http) => (string)http.Request.RouteValues["ticker"]!;

    internal static IResult Ok() => Results.Json(new OkWire(true), AdminJsonContext.Default.OkWire);
}
