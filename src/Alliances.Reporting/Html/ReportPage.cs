using System.Text;
using Alliances.Model;

namespace Alliances.Reporting.Html;

/// <summary>Assembles the HTML page: sections, prose verdicts, tables and inline charts.</summary>
internal sealed class ReportPage(ResultsFolder data, ReportTexts t, string? designForHeatmap, IReadOnlyList<string>? extraSections = null)
{
    private readonly StringBuilder _sb = new();
    private readonly List<ReportFigure> _figures = [];
    private readonly ReportCharts _charts = new(data, t);

    private static readonly string[] CohesionGroup =
        ["cohesion_index", "priority_alignment", "regional_priority_coverage", "shared_vision", "network_cohesion", "mobilization"];

    private static readonly string[] EquityGroup =
        ["equity_index", "territorial_gini", "worst_territory_progress", "capacity_gap", "funding_need_concordance", "experts_voice"];

    public (string Html, IReadOnlyList<ReportFigure> Figures) Render()
    {
        string title = t.T("Comparaison des scénarios de gouvernance", "Comparison of governance designs");
        string scenario = data.Manifest.ScenarioName.Length > 0 ? data.Manifest.ScenarioName : Path.GetFileName(data.Directory);
        L("<!DOCTYPE html>");
        L($"<html lang=\"{t.Lang}\">");
        L("<head>");
        L("<meta charset=\"utf-8\">");
        L("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        L("<meta name=\"generator\" content=\"alliances report\">");
        L($"<title>{H(title)} — {H(scenario)}</title>");
        L($"<style>{Css}</style>");
        L("</head>");
        L("<body>");
        L($"<a class=\"skip\" href=\"#main\">{H(t.T("Aller au contenu", "Skip to content"))}</a>");
        L("<header class=\"top\"><div class=\"wrap\">");
        L($"<p class=\"kicker\">{H(t.T("Alliances pour la solidarité — simulation de la gouvernance", "Alliances pour la solidarité — governance simulation"))}</p>");
        L($"<h1>{H(title)}</h1>");
        L($"<p class=\"sub\">{H(Subtitle(scenario))}</p>");
        L("</div></header>");
        Toc();
        L("<main id=\"main\" class=\"wrap\">");
        KeyFindings();
        ComparisonTable();
        TradeOff();
        Distributions();
        Forests();
        TimeBands();
        Territories();
        ScenarioAndLevers();
        foreach (string section in extraSections ?? []) L(section); // sensitivity, robustness, discovery
        Methods();
        Provenance();
        L("</main>");
        L($"<footer class=\"wrap\"><p>{H(t.T("Rapport produit par « alliances report » à partir du dossier de résultats ; fichier autonome, sans script ni ressource externe.", "Report produced by “alliances report” from the results folder; self-contained file, no script and no external resource."))}</p></footer>");
        L("</body>");
        L("</html>");
        return (_sb.ToString(), _figures);
    }

    private string Subtitle(string scenario)
    {
        int reps = data.Manifest.Replications ?? data.ReplicationCount;
        string designs = string.Join(", ", data.Designs.Select(t.Design));
        return t.T(
            $"Scénario « {scenario} » · {t.Int(reps)} réplications appariées · {data.Designs.Count} scénarios comparés : {designs}",
            $"Scenario “{scenario}” · {t.Int(reps)} paired replications · {data.Designs.Count} designs compared: {designs}");
    }

    private void Toc()
    {
        (string Id, string Fr, string En)[] items =
        [
            ("en-bref", "En bref", "Key findings"),
            ("tableau", "Tableau comparatif", "Comparison table"),
            ("compromis", "Compromis cohésion–équité", "Cohesion–equity trade-off"),
            ("distributions", "Distributions par indicateur", "Distributions by indicator"),
            ("ecarts", "Écarts appariés", "Paired differences"),
            ("evolution", "Évolution au fil de l'édition", "Over the edition"),
            ("territoires", "Territoires", "Territories"),
            ("scenario", "Scénario et leviers", "Scenario and levers"),
            ("methode", "Méthode", "Method"),
            ("provenance", "Provenance", "Provenance"),
        ];
        L($"<nav class=\"toc wrap\" aria-label=\"{H(t.T("Sommaire", "Contents"))}\"><ol>");
        foreach (var (id, fr, en) in items)
        {
            L($"<li><a href=\"#{id}\">{H(t.T(fr, en))}</a></li>");
        }

        L("</ol></nav>");
    }

    private void SectionStart(string id, string heading)
    {
        L($"<section id=\"{id}\" aria-labelledby=\"h-{id}\">");
        L($"<h2 id=\"h-{id}\">{H(heading)}</h2>");
    }

    private void SectionEnd() => L("</section>");

    // ------------------------------------------------------------------------------------------ key findings

    private IEnumerable<MetricInfo> Headline =>
        HtmlReport.HeadlineMetrics.Select(data.Metric).OfType<MetricInfo>();

    private void KeyFindings()
    {
        SectionStart("en-bref", t.T("En bref", "Key findings"));
        int reps = data.Manifest.Replications ?? data.ReplicationCount;
        P(t.T(
            $"Chaque scénario a été simulé sur les mêmes {t.Int(reps)} régions synthétiques (réplications appariées). « Dépasse dans 87 % des réplications » veut dire que, dans 87 % des régions simulées, le premier scénario obtient un meilleur résultat que le second ; l'écart moyen est donné avec son intervalle de confiance à 95\u00A0% (IC 95\u00A0%), qui dit la précision de cet écart.",
            $"Every design was simulated on the same {t.Int(reps)} synthetic regions (paired replications). “Beats in 87% of replications” means that in 87% of simulated regions the first design does better than the second; the mean difference is given with its 95% confidence interval (95% CI), which states how precise that difference is."));

        // Best design per headline metric.
        var best = new List<string>();
        foreach (var m in Headline.Where(m => m.Better != Better.Neither))
        {
            var rows = data.Designs.Select(d => data.SummaryOf(d, m.Name)).OfType<SummaryRow>().Where(r => double.IsFinite(r.Mean)).ToList();
            if (rows.Count < 2)
            {
                continue;
            }

            var top = m.Better == Better.Higher ? rows.MaxBy(r => r.Mean)! : rows.MinBy(r => r.Mean)!;
            int dec = ReportTexts.Decimals(m, top.CiHigh - top.CiLow);
            var rank1 = data.RankRows.FirstOrDefault(r => r.Design == top.Design && r.Metric == m.Name && r.Rank == 1);
            string first = rank1 is null ? "" : t.T(
                $" ; premier dans {t.Percent(rank1.Share)} des réplications",
                $"; ranked first in {t.Percent(rank1.Share)} of replications");
            best.Add($"<li><strong>{H(t.MetricLabel(m.Name))}</strong>{H(t.T(" : ", ": "))}{H(t.Design(top.Design))} " +
                     H(t.T($"(moyenne {t.Number(top.Mean, dec)}, IC 95\u00A0% {t.Interval(top.CiLow, top.CiHigh, dec)}{first})",
                           $"(mean {t.Number(top.Mean, dec)}, 95% CI {t.Interval(top.CiLow, top.CiHigh, dec)}{first})")) + "</li>");
        }

        if (best.Count > 0)
        {
            L($"<h3>{H(t.T("Meilleur scénario en moyenne", "Best design on average"))}</h3>");
            L("<ul class=\"best-list\">");
            best.ForEach(L);
            L("</ul>");
        }

        L($"<h3>{H(t.T("Verdicts appariés", "Paired verdicts"))}</h3>");
        var pairs = _charts.Pairs();
        if (pairs.Count == 0)
        {
            P(t.T("Aucune comparaison appariée n'est disponible (un seul scénario ?).", "No paired comparison is available (a single design?)."));
        }

        foreach (var (a, b) in pairs)
        {
            var sentences = Headline.Where(m => m.Better != Better.Neither)
                .Select(m => Verdict(a, b, m)).OfType<string>().ToList();
            if (sentences.Count == 0)
            {
                continue;
            }

            L($"<h4>{H(t.T($"{t.Design(a)} face à {t.Design(b)}", $"{t.Design(a)} versus {t.Design(b)}"))}</h4>");
            L("<ul class=\"verdicts\">");
            foreach (string s in sentences)
            {
                L($"<li>{s}</li>");
            }

            L("</ul>");
        }

        SectionEnd();
    }

    /// <summary>One verdict sentence (HTML) for a pair on a metric, or null when the comparison is not available.</summary>
    private string? Verdict(string a, string b, MetricInfo m)
    {
        if (_charts.PairedOf(a, b, m.Name) is not { } p || !double.IsFinite(p.MeanDiff) || !double.IsFinite(p.ProbABetter))
        {
            return null;
        }

        string subj = a, obj = b;
        double share = p.ProbABetter, diff = p.MeanDiff, lo = p.CiLow, hi = p.CiHigh;
        var (ties, n) = Ties(a, b, m);
        string metric = t.MetricProse(m.Name);
        if (n > 0 && ties == n)
        {
            return H(t.T(
                $"{t.DesignSubject(a)} et {t.DesignObject(b)} obtiennent la même valeur pour {metric} dans toutes les réplications appariées.",
                $"{t.DesignSubject(a)} and {t.DesignObject(b)} get the same value for {metric} in every paired replication."));
        }

        if (share < 0.5)
        {
            // Ties count half in prob_a_better, so the other design's share is exactly 1 − p; the difference flips sign.
            (subj, obj, share, diff, lo, hi) = (b, a, 1 - share, -diff, -hi, -lo);
        }

        int dec = ReportTexts.Decimals(m, hi - lo);
        while (dec < 4 && (RoundsToZero(lo, dec) || RoundsToZero(hi, dec) || RoundsToZero(diff, dec)))
        {
            dec++; // show a bound close to zero with its sign rather than as "0,00"
        }

        bool lower = m.Better == Better.Lower;
        string pct = t.Percent(share);
        string stats = t.T(
            $"(écart moyen {t.Signed(diff, dec)}\u00A0; IC 95\u00A0% {t.Signed(lo, dec)} à {t.Signed(hi, dec)})",
            $"(mean difference {t.Signed(diff, dec)}; 95% CI {t.Signed(lo, dec)} to {t.Signed(hi, dec)})");
        string sentence = (t.IsFr, lower) switch
        {
            (true, false) => $"{t.DesignSubject(subj)} dépasse {t.DesignObject(obj)} sur {metric} dans {pct} des réplications appariées {stats}.",
            (true, true) => $"{t.DesignSubject(subj)} l'emporte sur {t.DesignObject(obj)} pour {metric} (valeur plus basse) dans {pct} des réplications appariées {stats}.",
            (false, false) => $"{t.DesignSubject(subj)} beats {t.DesignObject(obj)} on {metric} in {pct} of paired replications {stats}.",
            (false, true) => $"{t.DesignSubject(subj)} beats {t.DesignObject(obj)} on {metric} (lower is better) in {pct} of paired replications {stats}.",
        };
        if (double.IsFinite(lo) && double.IsFinite(hi) && lo <= 0 && hi >= 0)
        {
            sentence += t.T(" L'écart moyen n'est pas distinguable de zéro.", " The mean difference is not distinguishable from zero.");
        }

        if (n > 0 && ties > 0 && (double)ties / n >= 0.01)
        {
            sentence += t.T($" Égalité dans {t.Percent((double)ties / n)} des réplications.", $" Tied in {t.Percent((double)ties / n)} of replications.");
        }

        return H(sentence);
    }

    private static bool RoundsToZero(double v, int decimals) => v != 0 && double.IsFinite(v) && Math.Round(v, decimals) == 0;

    /// <summary>Ties counted on runs.csv (replications aligned by order), out of n; n = 0 when they cannot be aligned.</summary>
    private (int Ties, int N) Ties(string a, string b, MetricInfo m)
    {
        if (!data.RunValues.TryGetValue(a, out var ra) || !data.RunValues.TryGetValue(b, out var rb)
            || !ra.TryGetValue(m.Name, out var xa) || !rb.TryGetValue(m.Name, out var xb) || xa.Length != xb.Length)
        {
            return (0, 0);
        }

        int ties = 0, n = 0;
        for (int i = 0; i < xa.Length; i++)
        {
            if (double.IsFinite(xa[i]) && double.IsFinite(xb[i]))
            {
                n++;
                if (xa[i] == xb[i])
                {
                    ties++;
                }
            }
        }

        return (ties, n);
    }

    // ------------------------------------------------------------------------------------------ table

    private void ComparisonTable()
    {
        SectionStart("tableau", t.T("Tableau comparatif", "Comparison table"));
        var core = data.Metrics.Where(m => m.Core).ToList();
        var secondary = data.Metrics.Where(m => !m.Core).ToList();
        MetricTable("table-core", core, t.T(
            $"Moyenne de chaque indicateur principal par scénario, avec son intervalle de confiance à 95\u00A0% entre crochets ({t.Int(data.ReplicationCount)} réplications). En gras : la meilleure moyenne selon le sens de l'indicateur.",
            $"Mean of each main indicator by design, with its 95% confidence interval in brackets ({t.Int(data.ReplicationCount)} replications). Bold: the best mean given the indicator's direction."));
        if (secondary.Count > 0)
        {
            L($"<details><summary>{H(t.T("Indicateurs secondaires (diagnostics)", "Secondary indicators (diagnostics)"))}</summary>");
            MetricTable("table-secondary", secondary, t.T(
                "Moyenne et IC 95\u00A0% des indicateurs secondaires, utilisés pour le diagnostic et la calibration.",
                "Mean and 95% CI of secondary indicators, used for diagnostics and calibration."));
            L("</details>");
        }

        var rankMetrics = Headline.Where(m => m.Better != Better.Neither && data.RankRows.Any(r => r.Metric == m.Name)).ToList();
        if (rankMetrics.Count > 0)
        {
            L($"<h3>{H(t.T("Qui arrive premier ?", "Who comes first?"))}</h3>");
            L("<div class=\"table-scroll\"><table id=\"table-ranks\">");
            L($"<caption>{H(t.T("Part des réplications où chaque scénario obtient le meilleur résultat (rang 1) de tous les scénarios.", "Share of replications where each design achieves the best result (rank 1) of all designs."))}</caption>");
            L("<thead><tr>" + $"<th scope=\"col\">{H(t.T("Indicateur", "Indicator"))}</th>" +
              string.Concat(data.Designs.Select(d => $"<th scope=\"col\" class=\"num\">{H(t.Design(d))}</th>")) + "</tr></thead><tbody>");
            foreach (var m in rankMetrics)
            {
                var cells = data.Designs.Select(d => data.RankRows.FirstOrDefault(r => r.Design == d && r.Metric == m.Name && r.Rank == 1)?.Share ?? 0).ToList();
                double max = cells.Max();
                L($"<tr><th scope=\"row\">{H(t.MetricLabel(m.Name))}</th>" +
                  string.Concat(cells.Select(s => $"<td class=\"num{(s == max && s > 0 ? " best" : "")}\">{H(t.Percent(s))}</td>")) + "</tr>");
            }

            L("</tbody></table></div>");
        }
        else if (data.MissingOptional.Contains(ResultsFolder.Ranks))
        {
            Missing(ResultsFolder.Ranks);
        }

        SectionEnd();
    }

    private void MetricTable(string id, IReadOnlyList<MetricInfo> metrics, string caption)
    {
        L($"<div class=\"table-scroll\"><table id=\"{id}\" class=\"metrics\">");
        L($"<caption>{H(caption)}</caption>");
        L("<thead><tr>" +
          $"<th scope=\"col\">{H(t.T("Indicateur", "Indicator"))}</th>" +
          $"<th scope=\"col\">{H(t.T("Sens", "Direction"))}</th>" +
          string.Concat(data.Designs.Select(d => $"<th scope=\"col\" class=\"num\">{H(t.Design(d))}</th>")) +
          "</tr></thead>");
        L("<tbody>");
        foreach (var m in metrics)
        {
            var rows = data.Designs.Select(d => data.SummaryOf(d, m.Name)).ToList();
            double minWidth = rows.OfType<SummaryRow>().Select(r => r.CiHigh - r.CiLow).Where(w => double.IsFinite(w) && w > 0).DefaultIfEmpty(double.NaN).Min();
            int dec = ReportTexts.Decimals(m, minWidth);
            var finite = rows.OfType<SummaryRow>().Where(r => double.IsFinite(r.Mean)).ToList();
            double? best = finite.Count < 2 || m.Better == Better.Neither ? null
                : m.Better == Better.Higher ? finite.Max(r => r.Mean) : finite.Min(r => r.Mean);
            var sb = new StringBuilder();
            sb.Append($"<tr><th scope=\"row\">{H(t.MetricLabel(m.Name))}<span class=\"def\">{H(t.MetricDefinition(m))}</span></th>");
            sb.Append($"<td class=\"dir\">{H(m.Better switch { Better.Higher => "↑", Better.Lower => "↓", _ => "–" })}<span class=\"sr\"> {H(t.Direction(m.Better))}</span></td>");
            foreach (var r in rows)
            {
                if (r is null)
                {
                    sb.Append("<td class=\"num\">—</td>");
                    continue;
                }

                string cls = best is double bv && r.Mean == bv ? "num best" : "num";
                sb.Append($"<td class=\"{cls}\">{H(t.Number(r.Mean, dec))}<span class=\"ci\">{H(t.Interval(r.CiLow, r.CiHigh, dec))}</span></td>");
            }

            sb.Append("</tr>");
            L(sb.ToString());
        }

        L("</tbody></table></div>");
    }

    // ------------------------------------------------------------------------------------------ charts

    private void Figure(ReportFigure f, int number)
    {
        _figures.Add(f);
        L($"<figure id=\"fig-{f.Id}\" class=\"chart\">");
        L(InlineSvg(f.Svg));
        L($"<figcaption><strong>{H(t.T($"Figure {number}.", $"Figure {number}."))}</strong> {H(f.Caption)}</figcaption>");
        L("</figure>");
    }

    private int _figureNumber;

    private void Figure(ReportFigure f) => Figure(f, ++_figureNumber);

    /// <summary>HTML parsers place &lt;svg&gt; in the SVG namespace by themselves: drop the xmlns attribute so the page holds no URL at all.</summary>
    private static string InlineSvg(string svg) => svg.Replace(" xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal);

    private void TradeOff()
    {
        SectionStart("compromis", t.T("Compromis cohésion–équité", "Cohesion–equity trade-off"));
        P(t.T(
            "Un scénario peut renforcer la cohésion régionale sans rendre les progrès plus équitables entre territoires, ou l'inverse. Ce graphique montre les deux à la fois.",
            "A design can strengthen regional cohesion without making progress more equitable across territories, or the reverse. This chart shows both at once."));
        if (_charts.TradeOff() is { } f)
        {
            Figure(f);
        }
        else
        {
            P(t.T("Indicateurs de cohésion ou d'équité absents de runs.csv.", "Cohesion or equity indicators missing from runs.csv."));
        }

        SectionEnd();
    }

    private void Distributions()
    {
        SectionStart("distributions", t.T("Distributions par indicateur", "Distributions by indicator"));
        P(t.T(
            "Pour chaque indicateur principal, la répartition des résultats sur l'ensemble des réplications (une réplication = une région simulée) : le violon montre la densité, la boîte couvre la moitié centrale des réplications (p25–p75) avec la médiane en trait épais, les moustaches vont de p05 à p95. Le losange noir est la moyenne avec son intervalle de confiance à 95\u00A0%.",
            "For each main indicator, the spread of results across replications (one replication = one simulated region): the violin shows the density, the box spans the middle half of replications (p25–p75) with the median as a thick line, the whiskers run from p05 to p95. The black diamond is the mean with its 95% confidence interval."));
        var metrics = _charts.DistributionMetrics;
        var groups = new List<(string Heading, List<MetricInfo> Items)>
        {
            (t.T("Cohésion", "Cohesion"), metrics.Where(m => CohesionGroup.Contains(m.Name)).ToList()),
            (t.T("Équité", "Equity"), metrics.Where(m => EquityGroup.Contains(m.Name)).ToList()),
            (t.T("Participation, efficacité et pérennité", "Participation, effectiveness and sustainability"),
                metrics.Where(m => !CohesionGroup.Contains(m.Name) && !EquityGroup.Contains(m.Name)).ToList()),
        };
        foreach (var (heading, items) in groups.Where(g => g.Items.Count > 0))
        {
            L($"<h3>{H(heading)}</h3>");
            var index = items.Where(m => m.Name.EndsWith("_index", StringComparison.Ordinal)).ToList();
            foreach (var m in index)
            {
                Figure(_charts.Distribution(m, large: true));
            }

            L("<div class=\"grid\">");
            foreach (var m in items.Except(index))
            {
                Figure(_charts.Distribution(m, large: false));
            }

            L("</div>");
        }

        SectionEnd();
    }

    private void Forests()
    {
        SectionStart("ecarts", t.T("Écarts appariés entre scénarios", "Paired differences between designs"));
        P(t.T(
            "Chaque ligne donne l'écart moyen entre deux scénarios, calculé réplication par réplication, et son intervalle de confiance à 95\u00A0%. Si l'intervalle ne touche pas la ligne zéro, l'écart est net.",
            "Each row gives the mean difference between two designs, computed replication by replication, and its 95% confidence interval. If the interval does not touch the zero line, the difference is clear."));
        var figures = _charts.Forests();
        if (figures.Count == 0)
        {
            P(t.T("Aucun écart apparié disponible.", "No paired difference available."));
        }

        foreach (var f in figures)
        {
            Figure(f);
        }

        SectionEnd();
    }

    private void TimeBands()
    {
        SectionStart("evolution", t.T("Évolution au fil de l'édition", "Over the edition"));
        if (data.MissingOptional.Contains(ResultsFolder.Timeseries))
        {
            Missing(ResultsFolder.Timeseries);
            SectionEnd();
            return;
        }

        P(t.T(
            "Mobilisation, alignement sur les priorités, inégalité entre territoires et participation des personnes expertes, mois par mois : médiane des réplications et bandes contenant 50 % et 90 % d'entre elles.",
            "Mobilization, priority alignment, inequality across territories and expert participation, month by month: median across replications and bands holding 50% and 90% of them."));
        L("<div class=\"grid\">");
        int drawn = 0;
        foreach (string metric in ReportCharts.TimeMetrics)
        {
            if (_charts.TimeBands(metric) is { } f)
            {
                Figure(f);
                drawn++;
            }
        }

        L("</div>");
        if (drawn == 0)
        {
            P(t.T("timeseries.csv ne contient aucune des séries attendues.", "timeseries.csv holds none of the expected series."));
        }

        SectionEnd();
    }

    private void Territories()
    {
        SectionStart("territoires", t.T("Progrès par territoire", "Progress by territory"));
        if (data.MissingOptional.Contains(ResultsFolder.Territories))
        {
            Missing(ResultsFolder.Territories);
            SectionEnd();
            return;
        }

        string design = _charts.HeatmapDesign(designForHeatmap);
        if (_charts.Heatmap(design) is { } f)
        {
            P(t.T(
                $"Progrès médian de chaque territoire, mois par mois, sous le scénario {t.Design(design)}. (Autre scénario : « alliances report DOSSIER --design NOM ».)",
                $"Median progress of each territory, month by month, under the {t.Design(design)} design. (Another design: “alliances report DIR --design NAME”.)"));
            Figure(f);
        }
        else
        {
            P(t.T($"territories.csv ne contient pas l'indicateur « progress » pour le scénario {t.Design(design)}.",
                  $"territories.csv holds no “progress” rows for the {t.Design(design)} design."));
        }

        SectionEnd();
    }

    // ------------------------------------------------------------------------------------------ scenario

    private void ScenarioAndLevers()
    {
        SectionStart("scenario", t.T("Scénario et leviers", "Scenario and levers"));
        var man = data.Manifest;
        L("<dl class=\"facts\">");
        Fact(t.T("Scénario", "Scenario"), man.ScenarioName);
        Fact(t.T("Fichier", "File"), man.ScenarioFile, code: true);
        Fact(t.T("Réplications", "Replications"), (man.Replications ?? data.ReplicationCount).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Fact(t.T("Scénarios comparés", "Designs compared"), string.Join(", ", data.Designs.Select(d => t.Design(d) == d ? d : $"{t.Design(d)} ({d})")));
        L("</dl>");

        var designs = man.Designs.Where(d => d.Levers.Count > 0).ToList();
        if (designs.Count == 0)
        {
            P(t.T("Le manifeste ne détaille pas les leviers des scénarios.", "The manifest does not list the designs' levers."));
            SectionEnd();
            return;
        }

        var keys = new List<string>();
        foreach (var d in designs)
        {
            foreach (var kv in d.Levers)
            {
                if (!keys.Contains(kv.Key))
                {
                    keys.Add(kv.Key);
                }
            }
        }

        string Cell(DesignInfo d, string key)
        {
            foreach (var kv in d.Levers)
            {
                if (kv.Key == key)
                {
                    return t.LeverValue(key, kv.Value);
                }
            }

            return "—";
        }

        var differing = keys.Where(k => designs.Select(d => Cell(d, k)).Distinct().Count() > 1).ToList();
        var same = keys.Except(differing).ToList();
        P(t.T(
            $"Les scénarios diffèrent sur {differing.Count} leviers de conception (sur {keys.Count}). Les autres leviers ont la même valeur partout.",
            $"The designs differ on {differing.Count} design levers (out of {keys.Count}). The other levers have the same value everywhere."));

        void LeverTable(string id, IReadOnlyList<string> rows, string caption)
        {
            L($"<div class=\"table-scroll\"><table id=\"{id}\" class=\"levers\">");
            L($"<caption>{H(caption)}</caption>");
            L($"<thead><tr><th scope=\"col\">{H(t.T("Levier", "Lever"))}</th>" +
              string.Concat(designs.Select(d => $"<th scope=\"col\">{H(t.Design(d.Name))}</th>")) + "</tr></thead><tbody>");
            foreach (string k in rows)
            {
                L($"<tr><th scope=\"row\">{H(t.LeverLabel(k))}<span class=\"def\"><code>{H(k)}</code></span></th>" +
                  string.Concat(designs.Select(d => $"<td>{H(Cell(d, k))}</td>")) + "</tr>");
            }

            L("</tbody></table></div>");
        }

        if (differing.Count > 0)
        {
            LeverTable("table-levers", differing, t.T("Leviers dont la valeur diffère entre les scénarios.", "Levers whose value differs between designs."));
        }

        if (same.Count > 0)
        {
            L($"<details><summary>{H(t.T($"Leviers communs à tous les scénarios ({same.Count})", $"Levers shared by all designs ({same.Count})"))}</summary>");
            LeverTable("table-levers-common", same, t.T("Leviers de même valeur dans tous les scénarios.", "Levers with the same value in every design."));
            L("</details>");
        }

        SectionEnd();
    }

    // ------------------------------------------------------------------------------------------ method, provenance

    private void Methods()
    {
        SectionStart("methode", t.T("Méthode", "Method"));
        var ei = ExpertInfluenceParam;
        string range = $"{t.Number(ei.Low, 2)} {t.T("à", "to")} {t.Number(ei.High, 2)}";
        L("<ul class=\"method\">");
        Li(t.T("Réplications appariées", "Paired replications"), t.T(
            "Chaque réplication tire une seule fois la région synthétique, les paramètres incertains et les chocs ; tous les scénarios sont simulés sur ces mêmes tirages (nombres aléatoires communs). Les écarts entre scénarios sont calculés réplication par réplication, ce qui retire la variabilité commune et rend les comparaisons plus précises.",
            "Each replication draws the synthetic region, the uncertain parameters and the shocks once; every design is simulated on those same draws (common random numbers). Differences between designs are computed replication by replication, which removes the shared variability and makes comparisons more precise."));
        Li(t.T("Intervalles de confiance", "Confidence intervals"), t.T(
            "Les IC 95\u00A0% des moyennes et des écarts appariés suivent la loi de Student (t à n − 1 degrés de liberté). Ils décrivent la précision de la moyenne simulée, pas la variabilité d'une région à l'autre, que montrent les boîtes, les violons et les bandes.",
            "The 95% CIs of means and of paired differences are Student-t intervals (t with n − 1 degrees of freedom). They describe how precise the simulated mean is, not the variability from one region to another, which the boxes, violins and bands show."));
        Li(t.T("Quantiles", "Quantiles"), t.T(
            "Les médianes et les bandes de 50 % et 90 % des séries mensuelles et des territoires sont calculées sur des histogrammes à classes fixes : elles sont exactes à la largeur d'une classe près. Les boîtes par scénario sont calculées directement sur les valeurs des réplications.",
            "Medians and the 50% and 90% bands of the monthly series and of territories are computed on fixed-bin histograms: they are exact to within one bin width. The boxes by design are computed directly on the replication values."));
        Li(t.T("Part des réplications", "Share of replications"), t.T(
            "« Dépasse dans X % des réplications appariées » : part des réplications où un scénario obtient une meilleure valeur que l'autre, selon le sens de l'indicateur (↑ plus élevé = mieux, ↓ plus bas = mieux) ; une égalité compte pour moitié.",
            "“Beats in X% of paired replications”: share of replications where one design achieves a better value than the other, given the indicator's direction (↑ higher is better, ↓ lower is better); a tie counts as half."));
        Li(t.T("Effet des personnes expertes de vécu sur la pertinence", "Effect of experts de vécu on relevance"), t.T(
            $"Le rapport d'évaluation ne confirme pas cet effet. Le modèle le traite comme un paramètre incertain tiré dans une plage qui inclut zéro ({ei.Name}, de {range}) : les résultats couvrent à la fois l'absence d'effet et un effet modéré, et les écarts qui en dépendent sont à lire avec prudence.",
            $"The evaluation report does not confirm this effect. The model treats it as an uncertain parameter drawn over a range that includes zero ({ei.Name}, from {range}): results cover both no effect and a moderate one, and differences that depend on it should be read with caution."));
        Li(t.T("Portée", "Scope"), t.T(
            "Ce simulateur est un outil d'exploration : il compare des scénarios de gouvernance dans des régions simulées. Ses résultats ne sont pas des prévisions pour une région réelle.",
            "This simulator is an exploration tool: it compares governance designs in simulated regions. Its results are not forecasts for any real region."));
        L("</ul>");
        SectionEnd();
    }

    private static ParamDef ExpertInfluenceParam => Alliances.Model.P.ExpertInfluence;

    private void Provenance()
    {
        SectionStart("provenance", t.T("Provenance", "Provenance"));
        var man = data.Manifest;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        L("<dl class=\"facts\">");
        Fact(t.T("Germe (seed)", "Seed"), man.Seed, code: true);
        Fact(t.T("Empreinte du scénario", "Scenario hash"), man.ScenarioHash, code: true);
        Fact(t.T("Version du code", "Code version"), man.CodeVersion, code: true);
        Fact(t.T("Commit git", "Git commit"), man.GitCommit, code: true);
        Fact(t.T("Date de la simulation (UTC)", "Simulation date (UTC)"), man.CreatedUtc);
        Fact(t.T("Commande", "Command"), man.CommandLine.Length > 0 ? man.CommandLine : man.Command.Length > 0 ? "alliances " + man.Command : "", code: true);
        Fact(t.T("Fils d'exécution / fragments", "Threads / shards"),
            man.Threads is null && man.Shards is null ? "" : $"{man.Threads?.ToString(inv) ?? "—"} / {man.Shards?.ToString(inv) ?? "—"}");
        Fact(t.T("Durée", "Duration"), man.DurationSeconds is double s ? $"{t.Number(s, 1)} s" : "");
        Fact(t.T("Réplications par seconde", "Replications per second"), man.ReplicationsPerSecond is double r ? t.Number(r, 1) : "");
        Fact(t.T("Dossier de résultats", "Results folder"), Path.GetFileName(data.Directory), code: true);
        var files = ResultsFolder.RequiredFiles.Concat(ResultsFolder.OptionalFiles).Where(f => !data.MissingOptional.Contains(f));
        Fact(t.T("Fichiers lus", "Files read"), string.Join(", ", files), code: true);
        if (data.MissingOptional.Count > 0)
        {
            Fact(t.T("Fichiers absents", "Missing files"), string.Join(", ", data.MissingOptional), code: true);
        }

        L("</dl>");
        P(t.T(
            "Avec le même scénario (même empreinte), le même germe et la même version du code, « alliances compare » reproduit ces résultats à l'identique.",
            "With the same scenario (same hash), the same seed and the same code version, “alliances compare” reproduces these results exactly."));
        SectionEnd();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void Fact(string term, string value, bool code = false)
    {
        string v = string.IsNullOrWhiteSpace(value) ? t.T("non précisé", "not stated") : value;
        L($"<dt>{H(term)}</dt><dd>{(code && !string.IsNullOrWhiteSpace(value) ? $"<code>{H(v)}</code>" : H(v))}</dd>");
    }

    private void Li(string head, string text) => L($"<li><strong>{H(head)}.</strong> {H(text)}</li>");

    private void Missing(string file) =>
        L($"<p class=\"missing\">{H(t.T($"Section non disponible : le fichier {file} est absent du dossier de résultats.", $"Section not available: {file} is missing from the results folder."))}</p>");

    private void P(string text) => L($"<p>{H(text)}</p>");

    private void L(string line) => _sb.Append(line).Append('\n');

    /// <summary>Escapes text for HTML, with French non-breaking spaces in a French report.</summary>
    private string H(string? s) => Esc(t.IsFr ? ReportTexts.FrenchSpacing(s) : s);

    /// <summary>Escapes text for HTML element content and double-quoted attribute values.</summary>
    internal static string Esc(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return "";
        }

        var sb = new StringBuilder(s.Length + 16);
        foreach (char ch in s)
        {
            sb.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => ch.ToString(),
            });
        }

        return sb.ToString();
    }

    private const string Css = """
:root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa;--accent:#0b5cad;--band:#0b3d6b}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:16px;line-height:1.55;color:var(--ink);background:#fff}
.wrap{max-width:1120px;margin:0 auto;padding:0 1.25rem}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
header.top{background:var(--band);color:#fff;padding:1.75rem 0 1.5rem}
header.top h1{margin:.15rem 0 .35rem;font-size:1.9rem;line-height:1.2}
.kicker{margin:0;text-transform:uppercase;letter-spacing:.06em;font-size:.8rem;opacity:.85}
.sub{margin:0;font-size:1rem;opacity:.95}
nav.toc{margin-top:1rem}
nav.toc ol{list-style:none;margin:0;padding:.6rem 0;display:flex;flex-wrap:wrap;gap:.35rem 1.1rem;border-bottom:1px solid var(--line);font-size:.92rem}
nav.toc a{color:var(--accent);text-decoration:none}nav.toc a:hover,nav.toc a:focus{text-decoration:underline}
h2{font-size:1.45rem;margin:2.4rem 0 .8rem;padding-bottom:.3rem;border-bottom:2px solid var(--line)}
h3{font-size:1.15rem;margin:1.6rem 0 .5rem}
h4{font-size:1rem;margin:1.2rem 0 .3rem;color:var(--band)}
p{max-width:80ch}
ul.verdicts,ul.best-list{padding-left:1.2rem;max-width:90ch}
ul.verdicts li,ul.best-list li{margin:.3rem 0}
ul.method li{margin:.45rem 0;max-width:90ch}
figure.chart{margin:1rem 0;padding:.75rem .75rem .6rem;border:1px solid var(--line);border-radius:6px;background:#fff;break-inside:avoid}
figure.chart svg{display:block;width:100%;height:auto}
figcaption{margin-top:.45rem;font-size:.88rem;color:var(--muted);line-height:1.45}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:0 1rem}
.table-scroll{overflow-x:auto;margin:.8rem 0}
table{border-collapse:collapse;width:100%;font-size:.9rem;font-variant-numeric:tabular-nums}
caption{caption-side:top;text-align:left;color:var(--muted);font-size:.88rem;padding:0 0 .4rem}
th,td{padding:.45rem .55rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:var(--soft);border-bottom:2px solid #8c959f;font-weight:600}
tbody tr:nth-child(even){background:#fbfcfd}
th[scope=row]{font-weight:600;min-width:14rem}
.num{text-align:right;white-space:nowrap}
td.best{font-weight:700}
.ci{display:block;font-size:.8rem;color:var(--muted);font-weight:400}
.def{display:block;font-weight:400;font-size:.8rem;color:var(--muted);max-width:48ch}
td.dir{text-align:center;color:var(--muted)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
details{margin:.8rem 0}summary{cursor:pointer;color:var(--accent)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1.2rem;margin:.8rem 0}
dl.facts dt{font-weight:600}dl.facts dd{margin:0;overflow-wrap:anywhere}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.88em;background:var(--soft);padding:.05em .3em;border-radius:3px}
.missing{color:#8a4b00;background:#fff8e6;border-left:4px solid #d4a72c;padding:.5rem .8rem}
footer{margin:3rem auto 2rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);padding-top:1rem}
@media (max-width:600px){.grid{grid-template-columns:1fr}dl.facts{grid-template-columns:1fr}header.top h1{font-size:1.5rem}}
@media print{header.top{background:none;color:#000;padding:0}nav.toc,.skip{display:none}figure.chart{border:none;padding:0}details{display:block}a{color:inherit}}
""";
}
