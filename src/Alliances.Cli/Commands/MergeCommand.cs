using System.CommandLine;
using System.Globalization;
using Alliances.Cli.Infrastructure;
using Alliances.Experiments.Comparison;
using Alliances.Reporting.Csv;

namespace Alliances.Cli.Commands;

/// <summary>
/// <c>alliances merge &lt;DIR&gt;... --out DIR</c>: combines the shard folders of one comparison (<c>compare --shard i/n</c>)
/// into one results folder, identical to that of an unsharded run. Refuses (exit 2, nothing written) shards of different
/// scenarios, seeds, designs, R or code versions, duplicated, missing or incomplete shards, printing the command that
/// (re-)runs each missing or incomplete one.
/// </summary>
public sealed class MergeCommand : ICliCommand
{
    public Command Build()
    {
        var dirsArg = new Argument<string[]>("dirs") { Description = "Shard folders written by 'alliances compare --shard i/n'", Arity = ArgumentArity.OneOrMore };
        var outOpt = new Option<string>("--out") { Description = "Folder for the merged results", Required = true };
        var command = new Command("merge", "Merge the shard folders of a comparison into one results folder (same files as an unsharded run).")
        {
            dirsArg, outOpt,
        };
        command.SetAction((ParseResult r) =>
        {
            var outcome = MergeJob.Run(r.GetValue(dirsArg) ?? [], r.GetValue(outOpt), BuildInfo.GitCommit());
            if (!outcome.Ok)
            {
                foreach (var p in outcome.Problems) r.Err().WriteLine("error: " + p);
                r.Err().WriteLine("nothing was written");
                return ExitCodes.BadInput;
            }
            var stdout = r.Out();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Merged {outcome.Shards} shards ({outcome.Replications} replications) into {outcome.OutDir}"));
            stdout.WriteLine();
            ComparisonConsoleSummary.Write(outcome.Results!, stdout);
            return ExitCodes.Success;
        });
        return command;
    }
}
