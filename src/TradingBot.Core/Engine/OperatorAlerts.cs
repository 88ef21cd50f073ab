namespace TradingBot.Core.Engine;

/// <summary>What the operator is told about; each kind is logged at warning or error and sent to every channel.</summary>
public enum AlertKind
{
    CircuitBreakerTripped,
    SafeModeEntered,
    StopLossExit,
    UnknownOrderOutcome,
    ReconciliationMismatch,
    DailySummary,
    StorageUnavailable,

    /// <summary>An operator's command (halt, reduce-only, resume, flatten) was carried out: who sent it and what came of it.</summary>
    OperatorCommand,
}

/// <summary>Tells the operator. Must not block trading: implementations queue and send in the background.</summary>
public interface IOperatorAlerts
{
    void Raise(AlertKind kind, string message);
}
