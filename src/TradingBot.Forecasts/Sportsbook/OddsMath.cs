namespace TradingBot.Forecasts.Sportsbook;

/// <summary>How a feed writes prices: decimal (2.50 returns 2.50 per 1 staked) or American (+150 / −200).</summary>
public enum OddsFormat
{
    Decimal,
    American,
}

public static class OddsMath
{
    /// <summary>Decimal odds for an American price: +150 → 2.5, −200 → 1.5. Prices between −100 and +100 do not exist.</summary>
    public static bool TryAmericanToDecimal(decimal american, out double decimalOdds)
    {
        decimalOdds = american switch
        {
            >= 100m => 1 + ((double)american / 100),
            <= -100m => 1 + (100 / -(double)american),
            _ => double.NaN,
        };
        return !double.IsNaN(decimalOdds);
    }

    /// <summary>The book's implied probability, margin included: 1 / decimal odds. Odds of 1 or less pay nothing and are refused.</summary>
    public static bool TryImpliedProbability(decimal price, OddsFormat format, out double implied)
    {
        implied = double.NaN;
        double decimalOdds;
        if (format == OddsFormat.American)
        {
            if (!TryAmericanToDecimal(price, out decimalOdds))
                return false;
        }
        else
        {
            decimalOdds = (double)price;
        }

        if (!(decimalOdds > 1) || double.IsInfinity(decimalOdds))
            return false;
        implied = 1 / decimalOdds;
        return true;
    }
}
