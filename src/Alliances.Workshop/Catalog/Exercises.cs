using System.Globalization;
using Alliances.Experiments.Scenarios;
using Alliances.Model;

namespace Alliances.Workshop.Catalog;

/// <summary>How a goal reads a metric of a run (design compared with the reference on the same replications).</summary>
public enum GoalKind
{
    /// <summary>Mean paired difference ≥ Value and its 95 % CI above zero.</summary>
    DiffAtLeast,
    /// <summary>Mean paired difference ≤ Value and its 95 % CI below zero.</summary>
    DiffAtMost,
    /// <summary>The design's mean ≥ Value.</summary>
    DesignAtLeast,
    /// <summary>Not clearly worse than the reference (the CI does not lie entirely on the worse side of zero).</summary>
    NotWorse,
}

/// <summary>One metric condition of an exercise goal.</summary>
public sealed record Goal(string Metric, GoalKind Kind, double Value, Text Text);

/// <summary>How a constraint reads a lever of the design.</summary>
public enum ConstraintKind { Equals, AtLeast, AtMost }

/// <summary>A lever condition the design must keep (e.g. "no regional table").</summary>
public sealed record Constraint(string Lever, ConstraintKind Kind, object Value, Text Text)
{
    public bool Holds(Levers levers)
    {
        if (!LeverFields.TryGet(Lever, out var f)) return false;
        object v = f.Get(levers);
        return Kind switch
        {
            ConstraintKind.Equals => f.IsEnum ? v.ToString() == Value.ToString() : Convert.ToDouble(v, CultureInfo.InvariantCulture) == Convert.ToDouble(Value, CultureInfo.InvariantCulture),
            ConstraintKind.AtLeast => Convert.ToDouble(v, CultureInfo.InvariantCulture) >= Convert.ToDouble(Value, CultureInfo.InvariantCulture) - 1e-12,
            _ => Convert.ToDouble(v, CultureInfo.InvariantCulture) <= Convert.ToDouble(Value, CultureInfo.InvariantCulture) + 1e-12,
        };
    }
}

/// <summary>Starting point of an exercise: a preset and lever changes (levers by scenario-file name).</summary>
public sealed record StartDesign(string Preset, IReadOnlyDictionary<string, object> Levers);

/// <summary>
/// A guided exercise for a facilitator: a situation, a starting design (also used as the reference, so the first run
/// shows no difference), lever constraints, a goal stated as metric conditions, and hints. The goals were set so that
/// one obvious lever is not enough but a combination of two or three main levers reaches them (checked by tests).
/// </summary>
public sealed record Exercise(string Id, Text Title, Text Situation, StartDesign Start, IReadOnlyList<Constraint> Constraints,
    IReadOnlyList<Goal> Goals, IReadOnlyList<Text> Hints);

public static class Exercises
{
    private static readonly Dictionary<string, object> None = [];

    /// <summary>The 2017-2023 "thin" version of cible 4: seats exist, but no compensation beyond nothing, no accompaniment,
    /// one seat per body and advisory-only recommendations.</summary>
    private static readonly Dictionary<string, object> ThinCible4 = new()
    {
        ["allowance"] = "None", ["expertAccompaniment"] = "None", ["expertDecisionRule"] = "Advisory", ["expertsPerBody"] = 1,
    };

    public static IReadOnlyList<Exercise> All { get; } =
    [
        new("equity-without-table",
            new("Rendre le modèle décentralisé plus équitable sans table régionale",
                "Make the decentralized design more equitable without a regional table"),
            new("Les préfets refusent une table régionale. Que peut-on changer d'autre pour que les territoires les moins dotés ne restent pas derrière ?",
                "The préfets refuse a regional table. What else can be changed so that the least-resourced territories do not fall behind?"),
            new StartDesign("decentralized", None),
            [new("regionalTable", ConstraintKind.Equals, false, new("Pas de table régionale", "No regional table"))],
            [
                new("equity_index", GoalKind.DiffAtLeast, 0.07,
                    new("L'indice d'équité gagne au moins 0,07 sur la référence (différence nette)", "The equity index gains at least 0.07 over the reference (a clear difference)")),
                new("cohesion_index", GoalKind.NotWorse, 0,
                    new("La cohésion ne recule pas", "Cohesion does not fall")),
            ],
            [
                new("Regardez comment l'enveloppe locale est répartie entre les territoires.", "Look at how the local envelope is split between territories."),
                new("Un seul levier ne suffit pas : qui aide les territoires fragiles à monter des projets ?", "One lever is not enough: who helps weak territories build projects?"),
                new("Essayez une animation financée qui réserve du temps aux territoires à faible capacité.", "Try funded animation that reserves time for low-capacity territories."),
            ]),

        new("keep-experts",
            new("Garder les personnes expertes de vécu autour de la table", "Keep experts de vécu at the table"),
            new("Dans ce modèle équilibré, la cible 4 est mince : un siège par instance, aucune compensation, aucun accompagnement, des avis simplement consultatifs. Beaucoup de sièges restent vides et les gens partent.",
                "In this balanced design, target 4 is thin: one seat per body, no compensation, no accompaniment, purely advisory opinions. Many seats stay empty and people leave."),
            new StartDesign("balanced", ThinCible4),
            [],
            [
                new("experts_retention", GoalKind.DiffAtLeast, 0.15,
                    new("La rétention des personnes expertes gagne au moins 0,15 (différence nette)", "Retention of experts de vécu gains at least 0.15 (a clear difference)")),
                new("expert_participation", GoalKind.DesignAtLeast, 0.70,
                    new("Au moins 70 % des sièges d'experts sont occupés en fin de période", "At least 70% of expert seats are filled at the end")),
            ],
            [
                new("Qu'est-ce qui rend une personne à l'aise pour siéger : l'argent, l'accompagnement, la présence de pairs ?", "What makes a person comfortable sitting: money, accompaniment, peers?"),
                new("Des refus répétés et sans explication font partir les gens : que devient leur avis ?", "Repeated, unexplained refusals make people leave: what happens to their advice?"),
                new("Attention : plus de sièges occupés peut vouloir dire plus de départs en nombre ; regardez la rétention.", "Careful: more filled seats can mean more exits in number; look at retention."),
            ]),

        new("gap-centralized",
            new("Resserrer l'écart entre territoires forts et faibles dans le modèle centralisé", "Close the gap between strong and weak territories in the centralized design"),
            new("Le modèle centralisé garde 40 % de l'enveloppe au régional. Les territoires déjà bien dotés avancent plus vite que les autres. Gardez une part régionale forte.",
                "The centralized design keeps 40% of the envelope at regional level. Territories that were already well resourced move faster than the others. Keep a strong regional share."),
            new StartDesign("centralized", None),
            [new("regionalShare", ConstraintKind.AtLeast, 0.30, new("Part régionale d'au moins 30 %", "Regional share of at least 30%"))],
            [
                new("capacity_gap", GoalKind.DiffAtMost, -0.04,
                    new("L'écart de capacité baisse d'au moins 0,04 (différence nette)", "The capacity gap falls by at least 0.04 (a clear difference)")),
                new("equity_index", GoalKind.NotWorse, 0,
                    new("L'équité ne recule pas", "Equity does not fall")),
            ],
            [
                new("Le temps de l'animateur est-il réparti également entre les territoires ?", "Is the animator's time spread evenly across territories?"),
                new("Une répartition locale qui compense la faible capacité aide aussi.", "A local split that compensates low capacity also helps."),
            ]),

        new("engage-prefets",
            new("Mobiliser les préfets sans toucher à l'argent", "Engage the préfets without touching the money"),
            new("Dans le modèle décentralisé, les préfets s'engagent peu au-delà de leur MRC. Ni la part régionale ni la répartition locale ne peuvent changer.",
                "In the decentralized design, préfets engage little beyond their own MRC. Neither the regional share nor the local split may change."),
            new StartDesign("decentralized", None),
            [
                new("regionalShare", ConstraintKind.AtMost, 0.05, new("Part régionale de 5 % au plus", "Regional share of 5% at most")),
                new("localSplit", ConstraintKind.Equals, "Population", new("Répartition locale selon la population", "Local split by population")),
            ],
            [
                new("prefet_engagement", GoalKind.DiffAtLeast, 0.10,
                    new("L'engagement des préfets gagne au moins 0,10 (différence nette)", "Préfets' engagement gains at least 0.10 (a clear difference)")),
            ],
            [
                new("Qui, au ministère, parle aux préfets ? Son niveau compte.", "Who at the ministry talks to the préfets? Their seniority matters."),
                new("Un lieu d'échange régional où les préfets siègent change aussi leur regard.", "A regional exchange space where préfets sit also changes how they see things."),
            ]),
    ];

    public static Exercise? Find(string id) => All.FirstOrDefault(e => e.Id == id);
}
