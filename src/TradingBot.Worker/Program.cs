using TradingBot.Worker.Cli;

return await TradingBotCli.RunAsync(args, Console.Out, Console.Error);
