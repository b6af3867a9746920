using Alliances.Reporting.Html;
using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Alliances.Cli.Infrastructure;
using Alliances.Experiments.Comparison;
using Alliances.Experiments.Scenarios;
using Alliances.Reporting.Csv;

namespace Alliances.Cli.Commands;

/// <summary>
/// <c>alliances compare &lt;scenario.json&gt; [--designs a,b,c] [--replications R] [--seed N] [--threads T] [--out DIR]
/// [--resume] [--shard i/n] [--quiet] [--force]</c>: runs every design on the same R replications (common random numbers)
/// and writes the results folder of docs/CONTRACTS.md (plus journal.bin, used by --resume and merge).
/// Exit codes: 0 done, 2 bad input (nothing written), 130 interrupted (the journal keeps finished replications), 1 failure.
/// </summary>
public sealed class CompareCommand(CliInvocation invocation) : ICliCommand
{
    public const int Interrupted = 130;

    public Command Build()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "Scenario file (JSON), e.g. scenarios/default.json" };
        var designsOpt = new Option<string?>("--designs")
        {
            Description = "Comma-separated design names, in report order [default: every design of the scenario]",
        };
        var repsOpt = new Option<int?>("--replications") { Description = "Replications R [default: the scenario's replications]" };
        var seedOpt = new Option<ulong?>("--seed") { Description = "Master seed, replacing the scenario's seed" };
        var threadsOpt = new Option<int?>("--threads") { Description = "Worker threads [default: the number of processors]" };
        var outOpt = new Option<string?>("--out") { Description = "Results folder [default: results/compare-<scenario>-<seed>]" };
        var resumeOpt = new Option<bool>("--resume")
        {
            Description = "Continue an interrupted comparison from DIR/journal.bin (refused if the scenario, seed, designs, R, shard or code differ)",
        };
        var shardOpt = new Option<string?>("--shard")
        {
            Description = "Run only shard i of n (a contiguous block of replications), e.g. 2/8; combine the shards with 'alliances merge'",
        };
        var quietOpt = new Option<bool>("--quiet") { Description = "No progress output" };
        var forceOpt = new Option<bool>("--force") { Description = "Replace results already in DIR" };
        var langOpt = new Option<string>("--lang") { Description = "Language of report.html: fr or en", DefaultValueFactory = _ => "fr" };
        var noReportOpt = new Option<bool>("--no-report") { Description = "Do not write report.html and charts/ after the run" };
        var command = new Command("compare",
            "Compare designs on the same replications (common random numbers): means with 95% CIs, paired differences, ranks, "
            + "time-series and territory quantiles; resumable and shardable.")
        {
            scenarioArg, designsOpt, repsOpt, seedOpt, threadsOpt, outOpt, resumeOpt, shardOpt, quietOpt, forceOpt, langOpt, noReportOpt,
        };
        command.SetAction((ParseResult r, CancellationToken ct) => Task.Run(() => Execute(r, CheckLanguage(r.GetValue(langOpt)), r.GetValue(noReportOpt), new CompareRequest
        {
            Scenario = ScenarioLoader.Load(r.GetValue(scenarioArg)!),
            ScenarioFile = r.GetValue(scenarioArg)!,
            Designs = r.GetValue(designsOpt),
            Replications = r.GetValue(repsOpt),
            Seed = r.GetValue(seedOpt),
            Threads = r.GetValue(threadsOpt),
            OutDir = r.GetValue(outOpt),
            Resume = r.GetValue(resumeOpt),
            Shard = r.GetValue(shardOpt),
            Force = r.GetValue(forceOpt),
            Arguments = invocation.Arguments,
            GitCommit = BuildInfo.GitCommit(),
        }, r.GetValue(quietOpt), ct), CancellationToken.None));
        return command;
    }

    private static string CheckLanguage(string? lang) =>
        lang is "fr" or "en" ? lang : throw new CliUsageException($"--lang: '{lang}' is not a report language; allowed: fr, en");

    private static int Execute(ParseResult r, string lang, bool noReport, CompareRequest request, bool quiet, CancellationToken ct)
    {
        var stdout = r.Out();
        var stderr = r.Err();
        var mode = quiet ? ProgressMode.None
            : ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? ProgressMode.Bar : ProgressMode.Lines;
        var progress = new ProgressAdapter(stderr, mode);
        // Ctrl-C / SIGTERM: stop claiming replications, keep the journal's committed prefix, print the resume command.
        // Handled here because the host's invocation configuration may leave process termination unhandled. A second
        // signal while stopping falls through to the default action (immediate exit; the journal stays valid).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        void OnSignal(PosixSignalContext c)
        {
            if (stop.IsCancellationRequested) return;
            c.Cancel = true;
            stop.Cancel();
        }
        using var sigint = TryRegister(PosixSignal.SIGINT, OnSignal);
        using var sigterm = TryRegister(PosixSignal.SIGTERM, OnSignal);
        var outcome = CompareJob.Run(request, progress, stop.Token);
        var inv = CultureInfo.InvariantCulture;
        switch (outcome.Status)
        {
            case CompareStatus.BadInput:
                throw new CliUsageException(outcome.Message);
            case CompareStatus.Interrupted:
                stderr.WriteLine(outcome.Message);
                return Interrupted;
        }
        var spec = outcome.Spec!;
        string shard = spec.Shard.IsWhole ? "" : $", shard {spec.Shard} (replications {spec.First}..{spec.End - 1})";
        string resumed = outcome.Resumed > 0 ? string.Create(inv, $", {outcome.Resumed} resumed from the journal") : "";
        stdout.WriteLine(string.Create(inv,
            $"Scenario '{spec.Scenario.Name}', seed {spec.Seed}: {spec.Designs.Count} designs x {outcome.Total} replications{shard}{resumed}; "
            + $"{outcome.Duration.TotalSeconds:0.0} s ({outcome.ReplicationsPerSecond:0.00} replications/s)"));
        stdout.WriteLine();
        ComparisonConsoleSummary.Write(outcome.Results!, stdout);
        stdout.WriteLine();
        stdout.WriteLine($"Results written to {outcome.OutDir}");
        // A whole run (not a shard) also gets its report; shards get theirs after `merge` and `report`.
        if (!noReport && spec.Shard.IsWhole)
        {
            var report = HtmlReport.Write(outcome.OutDir!, lang, exportPng: false); // PNGs: `alliances report DIR`
            foreach (var warning in report.Warnings) stderr.WriteLine("report: " + warning);
            stdout.WriteLine($"Report: {report.HtmlPath}");
        }
        return ExitCodes.Success;
    }

    private static PosixSignalRegistration? TryRegister(PosixSignal signal, Action<PosixSignalContext> handler)
    {
        try { return PosixSignalRegistration.Create(signal, handler); }
        catch (PlatformNotSupportedException) { return null; }
    }

    private sealed class ProgressAdapter(TextWriter writer, ProgressMode mode) : ICompareProgress
    {
        private ProgressDisplay? _display;
        public void Start(long total, long alreadyDone) => _display = new ProgressDisplay(writer, mode, total, alreadyDone);
        public void Report(long done) => _display?.Report(done);
        public void Stop() => _display?.Dispose();
    }
}
