namespace Alliances.Workshop;

/// <summary>Settings of the workshop server. The defaults suit a trainer's laptop in a room.</summary>
public sealed record WorkshopOptions
{
    /// <summary>Address to bind: 127.0.0.1 unless told otherwise (the workshop is meant for the local machine).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free port (tests).</summary>
    public int Port { get; init; } = 5080;

    /// <summary>Folder of shipped scenario files (default.json and the candidates); null: searched upward from the current
    /// directory and from the executable, else the built-in presets.</summary>
    public string? ScenariosDirectory { get; init; }

    /// <summary>Largest replication count a request may ask for (each run keeps the full 72-month edition).</summary>
    public int MaxReplications { get; init; } = 64;

    /// <summary>Threads of one run (the machine's processors by default).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Runs executed at the same time. One run already uses every core, so more only adds latency.</summary>
    public int MaxConcurrentRuns { get; init; } = 1;

    /// <summary>Runs allowed to wait for a slot; beyond this, requests get 429 at once.</summary>
    public int QueueLimit { get; init; } = 8;

    /// <summary>Largest request body accepted by POST /api/run, in bytes.</summary>
    public int MaxBodyBytes { get; init; } = 16 * 1024;

    /// <summary>A run that takes longer is cancelled (503).</summary>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Run a tiny comparison in the background at start-up so the first real run is not slowed by compilation.</summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>Where the server writes one line per failed run (null: nowhere).</summary>
    public TextWriter? Log { get; init; }

    internal void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentException($"port must be from 0 to 65535, got {Port}");
        if (MaxReplications < 2) throw new ArgumentException("MaxReplications must be at least 2");
        if (MaxConcurrentRuns < 1) throw new ArgumentException("MaxConcurrentRuns must be at least 1");
        if (QueueLimit < 0) throw new ArgumentException("QueueLimit must be non-negative");
        if (MaxBodyBytes < 256) throw new ArgumentException("MaxBodyBytes must be at least 256");
    }
}
