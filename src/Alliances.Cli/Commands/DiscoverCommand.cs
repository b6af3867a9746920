using System.CommandLine;
using System.Globalization;
using Alliances.Cli.Infrastructure;
using Alliances.Experiments.Uncertainty;
using Alliances.Reporting.Sensitivity;

namespace Alliances.Cli.Commands;

/// <summary>
/// <c>alliances discover &lt;DIR&gt; --design A --vs B --metric M [--out DIR2] [--select coverage|knee] [--min-coverage C]
/// [--alpha a] [--min-mass m] [--force]</c>: PRIM scenario discovery on the samples of a robustness folder — under which
/// conditions does A do worse than B on M? See docs/SENSITIVITY.md. Exit codes: 0 done, 2 bad input, 1 failure.
/// </summary>
public sealed class DiscoverCommand : ICliCommand
{
    public Command Build()
    {
        var dirArg = new Argument<string>("dir") { Description = "A folder written by 'alliances robustness' (samples.csv, factors.csv)" };
        var designOpt = new Option<string>("--design") { Description = "Design A", Required = true };
        var vsOpt = new Option<string>("--vs") { Description = "Design B: cases of interest are the samples where A does worse than B", Required = true };
        var metricOpt = new Option<string>("--metric") { Description = "Metric compared (by its better direction)", Required = true };
        var outOpt = new Option<string?>("--out") { Description = "Results folder [default: DIR/discover-<A>-vs-<B>-<metric>]" };
        var selectOpt = new Option<string>("--select")
        {
            Description = "Box reported: coverage (the densest box with coverage >= --min-coverage) or knee [default: coverage]",
            DefaultValueFactory = _ => "coverage",
        };
        selectOpt.AcceptOnlyFromAmong("coverage", "knee");
        var coverageOpt = new Option<double?>("--min-coverage") { Description = "Minimum coverage of --select coverage [default: 0.8]" };
        var alphaOpt = new Option<double?>("--alpha") { Description = "PRIM peeling fraction [default: 0.05]" };
        var massOpt = new Option<double?>("--min-mass") { Description = "PRIM minimum share of samples in a box [default: 0.05]" };
        var forceOpt = new Option<bool>("--force") { Description = "Replace results already in the output folder" };
        var command = new Command("discover",
            "Scenario discovery (PRIM): the ranges of the uncertain parameters in which one design does worse than another.")
        {
            dirArg, designOpt, vsOpt, metricOpt, outOpt, selectOpt, coverageOpt, alphaOpt, massOpt, forceOpt,
        };
        command.SetAction((ParseResult r) =>
        {
            var request = new DiscoveryRequest
            {
                Dir = r.GetValue(dirArg)!,
                DesignA = r.GetValue(designOpt)!,
                DesignB = r.GetValue(vsOpt)!,
                Metric = r.GetValue(metricOpt)!,
                OutDir = r.GetValue(outOpt),
                Select = r.GetValue(selectOpt) ?? "coverage",
                MinCoverage = r.GetValue(coverageOpt) ?? 0.8,
                Alpha = r.GetValue(alphaOpt) ?? 0.05,
                MinMass = r.GetValue(massOpt) ?? 0.05,
                Force = r.GetValue(forceOpt),
            };
            return Execute(r, request);
        });
        return command;
    }

    private static int Execute(ParseResult r, DiscoveryRequest request)
    {
        var o = r.Out();
        var outcome = DiscoveryJob.Run(request);
        if (outcome.Status == JobStatus.BadInput) throw new CliUsageException(outcome.Message);
        if (outcome.Result is not { } d)
        {
            o.WriteLine(outcome.Message);
            return ExitCodes.Success;
        }
        DiscoveryFolder.Write(outcome.OutDir, d);
        var inv = CultureInfo.InvariantCulture;
        var box = d.Chosen;
        string worse = d.Metric.Better == Model.Better.Higher ? "lower" : "higher";
        o.WriteLine(string.Create(inv,
            $"Cases of interest: '{request.DesignA}' does worse than '{request.DesignB}' on {d.Metric.Name} ({worse}) in {d.Cases} of {d.Samples} samples ({100.0 * d.Cases / d.Samples:0.0}%)."));
        o.WriteLine(string.Create(inv, $"PRIM peeling: {d.Prim.Trajectory.Count - 1} steps (alpha {request.Alpha}, min mass {request.MinMass})."));
        o.WriteLine();
        o.WriteLine("step  coverage  density   mass  restricted");
        foreach (var b in d.Prim.Trajectory)
            o.WriteLine(string.Create(inv, $"{b.Step,4}  {b.Coverage,8:0.000}  {b.Density,7:0.000}  {b.Mass,5:0.000}  {b.RestrictedDimensions,10}{(b.Step == box.Step ? "  <- chosen" : "")}"));
        o.WriteLine();
        o.WriteLine(string.Create(inv, $"Chosen box (step {box.Step}, {d.Rule}): coverage {box.Coverage:0.000}, density {box.Density:0.000}, mass {box.Mass:0.000}"));
        if (box.Limits.Count == 0) o.WriteLine("  no restriction: the cases are not concentrated in any range of the factors");
        else o.WriteLine("  restriction = share of the factor's range cut away; quasi-p = chance of the box's cases if this restriction did not matter");
        foreach (var sig in d.Significance)
        {
            var l = sig.Limit;
            o.WriteLine(string.Create(inv, $"  {l.Name,-40} in [{l.Lower:G6}, {l.Upper:G6}]   restriction {l.Restriction:0.00}, quasi-p {sig.QuasiP:0.000}{(sig.QuasiP < DiscoveryResult.SignificanceLevel ? "  *" : "")}"));
        }
        var sb = d.Simplified;
        if (box.Limits.Count > 0)
        {
            o.WriteLine();
            if (sb.Dimensions.Count == 0)
                o.WriteLine(string.Create(inv, $"No restriction is significant (quasi-p < {DiscoveryResult.SignificanceLevel}): the box may be chance; try more samples."));
            else
            {
                o.WriteLine("Parameters that matter (quasi-p < " + DiscoveryResult.SignificanceLevel.ToString(inv) + "): " + string.Join(", ", sb.Dimensions));
                o.WriteLine(string.Create(inv, $"Box on these only: coverage {sb.Coverage:0.000}, density {sb.Density:0.000}, mass {sb.Mass:0.000} (base density {d.Prim.Trajectory[0].Density:0.000})"));
            }
        }
        o.WriteLine();
        o.WriteLine($"Results written to {outcome.OutDir}");
        return ExitCodes.Success;
    }
}
