namespace TradingBot.Core.Risk;

/// <summary>Active: entries and exits. ReducingOnly: exits only. Halted: no orders at all.</summary>
public enum TradingState
{
    Active,
    ReducingOnly,
    Halted,
}

/// <summary>What put trading in its state; stored and shown so the operator knows what to undo.</summary>
public enum TradingStateReason
{
    None,
    OperatorHalt,
    OperatorReduceOnly,
    SafeMode,
    CircuitBreaker,
}

/// <summary>The effective trading state and the reason for it.</summary>
public readonly record struct TradingStatus(TradingState State, TradingStateReason Reason)
{
    public static readonly TradingStatus Active = new(TradingState.Active, TradingStateReason.None);

    /// <summary>
    /// The most restrictive of the controls wins. Safe mode and the circuit breaker halt everything, exits
    /// included: the breaker holds positions to settlement, and safe mode means the API cannot be trusted.
    /// </summary>
    public static TradingStatus From(TradingState operatorState, bool safeMode, bool circuitBreakerTripped)
    {
        if (operatorState == TradingState.Halted)
            return new(TradingState.Halted, TradingStateReason.OperatorHalt);
        if (safeMode)
            return new(TradingState.Halted, TradingStateReason.SafeMode);
        if (circuitBreakerTripped)
            return new(TradingState.Halted, TradingStateReason.CircuitBreaker);
        if (operatorState == TradingState.ReducingOnly)
            return new(TradingState.ReducingOnly, TradingStateReason.OperatorReduceOnly);
        return Active;
    }

    public static string Describe(TradingStateReason reason) => reason switch
    {
        TradingStateReason.OperatorHalt => "operator_halt",
        TradingStateReason.OperatorReduceOnly => "operator_reduce_only",
        TradingStateReason.SafeMode => "safe_mode",
        TradingStateReason.CircuitBreaker => "circuit_breaker",
        _ => "none",
    };
}
