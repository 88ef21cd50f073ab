namespace TradingBot.Core.Risk;

/// <summary>Orders sent in the last rolling minute, for the order-rate rule. Single writer (the order executor).</summary>
public sealed class OrderRateWindow
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> _sent = new();

    public void Record(DateTimeOffset sentAt) => _sent.Enqueue(sentAt);

    public int CountAt(DateTimeOffset now)
    {
        while (_sent.Count > 0 && now - _sent.Peek() >= Window)
            _sent.Dequeue();
        return _sent.Count;
    }
}
