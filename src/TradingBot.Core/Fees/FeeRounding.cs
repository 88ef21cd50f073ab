using TradingBot.Core.Values;

namespace TradingBot.Core.Fees;

/// <summary>
/// What one fill costs in fees once Kalshi restores the member's balance precision (fee_rounding.md).
/// <see cref="BalanceChange"/> is <c>floor(revenue − trade fee)</c> at the precision; the rebate is credited
/// on top, so the balance moves by <c>BalanceChange + Rebate</c> and <c>NetFee = TradeFee + RoundingFee − Rebate</c>.
/// </summary>
public readonly record struct FillFee(Money TradeFee, Money RoundingFee, Money Accumulated, Money Rebate, Money NetFee, Money BalanceChange);

/// <summary>
/// The per-order fee accumulator: each fill's rounding overpayment is added up across all fills of one order
/// (taker and maker alike), and whenever the sum exceeds $0.01 a whole cent is rebated, so many small fills cost
/// about what one equivalent fill would. One instance per order.
/// </summary>
public sealed class OrderFeeAccumulator
{
    private static readonly Money RebateUnit = Money.FromDollars(0.01m);
    private Money _accumulated;

    /// <param name="balanceDecimals">4 ($0.0001) for a direct member, 2 ($0.01) for everyone else.</param>
    public OrderFeeAccumulator(int balanceDecimals)
    {
        if (balanceDecimals is not (Money.CenticentDecimals or Money.CentDecimals))
            throw new ArgumentOutOfRangeException(nameof(balanceDecimals), balanceDecimals, "Kalshi balances are kept to $0.0001 or $0.01");
        BalanceDecimals = balanceDecimals;
    }

    public int BalanceDecimals { get; }

    /// <param name="revenue">Signed cash of the fill before fees: negative for a buyer (−price × count).</param>
    /// <param name="tradeFee">The fee model's fee for this fill; rounded up to $0.0001 here if it is not already.</param>
    public FillFee Apply(Money revenue, Money tradeFee)
    {
        var fee = tradeFee.CeilingTo(Money.CenticentDecimals);
        var change = revenue - fee;
        var balanceChange = change.FloorTo(BalanceDecimals);
        var rounding = change - balanceChange;

        _accumulated += rounding;
        var accumulated = _accumulated;
        var rebate = Money.Zero;
        while (_accumulated > RebateUnit)
        {
            _accumulated -= RebateUnit;
            rebate += RebateUnit;
        }

        return new FillFee(fee, rounding, accumulated, rebate, fee + rounding - rebate, balanceChange);
    }
}
