namespace TradingBot.Forecasts.Evaluation;

/// <summary>One bin of the reliability table: forecasts in [Lower, Upper), how many, their mean, and how often the event happened.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double ForecastMean, double ObservedRate)
{
    /// <summary>Observed minus forecast: positive means the source was too pessimistic in this bin.</summary>
    public double Gap => Count == 0 ? 0 : ObservedRate - ForecastMean;
}

/// <summary>
/// How good a set of probability forecasts was. Brier is the mean squared error (0 perfect, 0.25 for always
/// saying 50%); log loss the mean negative log likelihood (0 perfect, 0.693 for always 50%). The climatology
/// Brier is what always forecasting the observed base rate would have scored; skill is 1 − Brier / that.
/// </summary>
public sealed record CalibrationResult(int Count, double Brier, double LogLoss, double BaseRate, IReadOnlyList<ReliabilityBin> Bins)
{
    public double ClimatologyBrier => BaseRate * (1 - BaseRate);

    public double BrierSkill => ClimatologyBrier > 0 ? 1 - (Brier / ClimatologyBrier) : 0;
}
