using System.Diagnostics;
using System.Globalization;

namespace Alliances.Experiments.Comparison;

public enum ProgressMode
{
    /// <summary>Nothing (--quiet).</summary>
    None,
    /// <summary>A bar redrawn in place with replications per second and ETA (stderr is a terminal).</summary>
    Bar,
    /// <summary>A plain line every ~2 s (stderr redirected to a file or pipe).</summary>
    Lines,
}

/// <summary>Progress of a comparison on a text writer (stderr). <see cref="Report"/> is thread-safe and cheap.</summary>
public sealed class ProgressDisplay : IDisposable
{
    private readonly TextWriter _writer;
    private readonly ProgressMode _mode;
    private readonly long _total, _startDone;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private readonly object _gate = new();
    private long _done;
    private bool _disposed;
    private int _lastWidth;

    private readonly string _label, _unit, _rateUnit;

    public ProgressDisplay(TextWriter writer, ProgressMode mode, long total, long alreadyDone)
        : this(writer, mode, total, alreadyDone, "compare", "replications", "rep/s")
    {
    }

    /// <summary>With the words of the progress line, e.g. ("sensitivity", "evaluations", "eval/s").</summary>
    public ProgressDisplay(TextWriter writer, ProgressMode mode, long total, long alreadyDone, string label, string unit, string rateUnit)
    {
        _label = label;
        _unit = unit;
        _rateUnit = rateUnit;
        _writer = writer;
        _mode = mode;
        _total = total;
        _startDone = _done = alreadyDone;
        if (mode == ProgressMode.None) return;
        var period = mode == ProgressMode.Bar ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(2);
        _timer = new Timer(_ => Render(final: false), null, mode == ProgressMode.Bar ? TimeSpan.Zero : period, period);
    }

    /// <summary>Picks the mode: none when quiet, a bar when stderr is a terminal, lines otherwise.</summary>
    public static ProgressMode ModeFor(bool quiet) => quiet ? ProgressMode.None : Console.IsErrorRedirected ? ProgressMode.Lines : ProgressMode.Bar;

    public void Report(long done) => Interlocked.Exchange(ref _done, done);

    private void Render(bool final)
    {
        lock (_gate)
        {
            if (_disposed) return;
            long done = Interlocked.Read(ref _done);
            double secs = _clock.Elapsed.TotalSeconds;
            double rate = secs > 0 ? (done - _startDone) / secs : 0;
            string eta = rate > 0 ? Format(TimeSpan.FromSeconds((_total - done) / rate)) : "--:--";
            var inv = CultureInfo.InvariantCulture;
            if (_mode == ProgressMode.Bar)
            {
                const int width = 30;
                int filled = _total > 0 ? (int)(width * done / _total) : width;
                string line = string.Create(inv, $"\r[{new string('#', filled)}{new string('-', width - filled)}] {done}/{_total}  {rate:0.00} {_rateUnit}  ETA {eta}");
                int pad = Math.Max(0, _lastWidth - line.Length);
                _writer.Write(line + new string(' ', pad));
                _lastWidth = line.Length;
                if (final) _writer.WriteLine();
            }
            else
            {
                double pct = _total > 0 ? 100.0 * done / _total : 100;
                _writer.WriteLine(string.Create(inv, $"{_label}: {done}/{_total} {_unit} ({pct:0}%), {rate:0.00} {_rateUnit}, elapsed {Format(_clock.Elapsed)}, ETA {eta}"));
            }
            _writer.Flush();
        }
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes:00}:{t.Seconds:00}");

    /// <summary>Draws the last state (a final bar or line) and stops the timer.</summary>
    public void Dispose()
    {
        if (_mode == ProgressMode.None) return;
        _timer?.Dispose();
        Render(final: true);
        lock (_gate) _disposed = true;
    }
}
