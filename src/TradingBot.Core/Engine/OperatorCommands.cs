using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;

namespace TradingBot.Core.Engine;

/// <summary>
/// Carries out the operator's commands that the CLI or the dashboard's API wrote to storage. The running worker is the
/// one writer of the trading state: a command is applied through <see cref="TradingControls"/>, then completed with
/// what came of it, logged and notified with who sent it. A command whose application fails (the store is down)
/// stays pending and is tried again on the next run; applying one twice does no harm.
/// </summary>
public sealed class OperatorCommands(IControlStore store, TradingControls controls, IOperatorAlerts alerts, TimeProvider time)
{
    public async Task<IReadOnlyList<ControlCommand>> RunPendingAsync(CancellationToken cancellationToken)
    {
        var done = new List<ControlCommand>();
        foreach (var command in await store.PendingAsync(cancellationToken).ConfigureAwait(false))
        {
            var outcome = await ApplyAsync(command, cancellationToken).ConfigureAwait(false);
            var at = time.GetUtcNow();
            await store.CompleteAsync(command.Id, outcome, at, cancellationToken).ConfigureAwait(false);
            alerts.Raise(AlertKind.OperatorCommand, $"{Verb(command.Kind)} #{command.Id} from {command.IssuedBy} ({command.Reason}): {outcome}");
            done.Add(command with { DoneAt = at, Outcome = outcome });
        }

        return done;
    }

    public static string Verb(ControlCommandKind kind) => kind switch
    {
        ControlCommandKind.Halt => "halt",
        ControlCommandKind.ReduceOnly => "reduce-only",
        ControlCommandKind.Resume => "resume",
        _ => "flatten",
    };

    private async Task<string> ApplyAsync(ControlCommand command, CancellationToken cancellationToken)
    {
        var why = $"{command.Reason} (by {command.IssuedBy})";
        switch (command.Kind)
        {
            case ControlCommandKind.Halt:
                await controls.HaltAsync(TradingState.Halted, why, cancellationToken).ConfigureAwait(false);
                return "halted: no orders are sent until resumed";
            case ControlCommandKind.ReduceOnly:
                await controls.HaltAsync(TradingState.ReducingOnly, why, cancellationToken).ConfigureAwait(false);
                return "reducing only: exits only until resumed";
            case ControlCommandKind.Flatten:
                await controls.HaltAsync(TradingState.ReducingOnly, TradingControls.FlattenPrefix + why, cancellationToken).ConfigureAwait(false);
                return "flattening: reducing only, resting entries pulled, every position sold with reduce-only IOC orders until none is left";
            default:
                await controls.ResumeAsync(why, cancellationToken).ConfigureAwait(false);
                var status = controls.Status;
                return status.State == TradingState.Active
                    ? "resumed: trading active"
                    : $"resumed, but trading is still {status.State} ({TradingStatus.Describe(status.Reason)}): a tripped daily breaker holds until its trading day ends";
        }
    }
}
