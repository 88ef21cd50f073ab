namespace TradingBot.Worker.Cli;

/// <summary>Process exit codes an operator (or systemd's RestartPreventExitStatus) can act on.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something unexpected; the log says what.</summary>
    public const int Failure = 1;

    /// <summary>The configuration is invalid; restarting will not help until it is fixed.</summary>
    public const int InvalidConfiguration = 2;
}
