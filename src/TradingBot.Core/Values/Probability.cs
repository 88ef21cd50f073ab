using System.Globalization;

namespace TradingBot.Core.Values;

/// <summary>
/// A probability between 0 and 1, held in millionths: finer than any model's real accuracy, and in the same
/// unit as <see cref="Money"/>, so "probability minus price minus fee" is exact integer arithmetic.
/// </summary>
public readonly record struct Probability : IComparable<Probability>
{
    public const int MicrosPerUnit = 1_000_000;

    private Probability(int micros) => Micros = micros;

    public int Micros { get; }

    public decimal Value => Fixed.FromScaled(Micros, 6);

    /// <summary>The complementary event's probability: NO wins exactly when YES does not.</summary>
    public Probability Complement => new(MicrosPerUnit - Micros);

    /// <summary>Rounds to the nearest millionth; refuses anything outside 0 to 1.</summary>
    public static Probability FromValue(decimal value) =>
        TryFromValue(value, out var probability)
            ? probability
            : throw new ArgumentOutOfRangeException(nameof(value), value, "a probability is between 0 and 1");

    public static bool TryFromValue(decimal value, out Probability probability)
    {
        probability = default;
        if (value < 0m || value > 1m)
            return false;
        probability = new Probability((int)decimal.Round(value * MicrosPerUnit, MidpointRounding.ToEven));
        return true;
    }

    public int CompareTo(Probability other) => Micros.CompareTo(other.Micros);

    public override string ToString() => Value.ToString("0.######", CultureInfo.InvariantCulture);
}
