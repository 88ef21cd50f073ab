using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(TradingBot.Benchmarks.EvaluationBenchmarks).Assembly).Run(args);
