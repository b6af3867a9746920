using System.Globalization;
using System.Text;
using System.Text.Json;
using Alliances.Experiments.Uncertainty;

namespace Alliances.Reporting.Sensitivity;

/// <summary>
/// An HTML fragment presenting a folder written by <c>alliances sensitivity</c>, <c>robustness</c> or <c>discover</c>, for
/// inclusion in the HTML report: one <c>&lt;section&gt;</c> with a heading, a reading guide, summary tables and the
/// folder's SVG charts inlined (their ids are prefixed "sens-", "rob-" or "disc-"). A robustness folder also shows the
/// discovery folders inside it (<c>discover-*</c>). French ("fr", default) or English ("en").
/// </summary>
public static class SensitivityReportSection
{
    /// <summary>The fragment, or an empty string when <paramref name="dir"/> holds none of these results.</summary>
    public static string Build(string dir, string lang = "fr")
    {
        ArgumentNullException.ThrowIfNull(dir);
        bool fr = (lang ?? "fr").Trim().StartsWith("fr", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(lang);
        var t = new Texts(fr);
        var sb = new StringBuilder();
        if (File.Exists(Path.Combine(dir, SensitivityFolder.Manifest))) Sensitivity(sb, dir, t);
        else if (File.Exists(Path.Combine(dir, RobustnessFolder.Manifest))) Robustness(sb, dir, t);
        else if (File.Exists(Path.Combine(dir, DiscoveryFolder.Manifest))) Discovery(sb, dir, t, "h2");
        return sb.ToString();
    }

    private sealed class Texts(bool fr)
    {
        public bool Fr { get; } = fr;
        public string T(string french, string english) => Fr ? french : english;
        public string N(double v, int decimals = 3)
        {
            if (!double.IsFinite(v)) return "–";
            var s = v.ToString("F" + decimals, CultureInfo.InvariantCulture);
            return Fr ? s.Replace('.', ',') : s;
        }
        public string Pct(double v) => double.IsFinite(v) ? (Fr ? N(100 * v, 0) + "\u00A0%" : N(100 * v, 0) + "%") : "–";
    }

    private static readonly System.Text.Encodings.Web.HtmlEncoder Html =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string H(string s) => Html.Encode(s);

    private static JsonElement Json(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.Clone();
    }

    private static void Svg(StringBuilder sb, string path, string caption)
    {
        if (!File.Exists(path)) return;
        sb.Append("<figure class=\"chart\">\n").Append(File.ReadAllText(path).Trim()).Append('\n');
        sb.Append("<figcaption>").Append(H(caption)).Append("</figcaption>\n</figure>\n");
    }

    // --------------------------------------------------------------------------------------------- sensitivity

    private static void Sensitivity(StringBuilder sb, string dir, Texts t)
    {
        var m = Json(Path.Combine(dir, SensitivityFolder.Manifest));
        string method = m.GetProperty("method").GetString()!;
        bool morris = method == "morris";
        string design = m.GetProperty("design").GetString()!;
        int samples = m.GetProperty("samples").GetInt32();
        int evaluations = m.GetProperty("evaluations").GetInt32();
        int factors = m.GetProperty("factors").GetArrayLength();
        sb.Append("<section id=\"sensibilite\" class=\"sensitivity\" aria-labelledby=\"h-sensibilite\">\n");
        sb.Append("<h2 id=\"h-sensibilite\">").Append(H(morris ? t.T("Analyse de sensibilité (criblage de Morris)", "Sensitivity analysis (Morris screening)")
            : t.T("Analyse de sensibilité (indices de Sobol)", "Sensitivity analysis (Sobol indices)"))).Append("</h2>\n");
        sb.Append("<p>").Append(H(morris
            ? t.T($"Le scénario {design} a été simulé {evaluations} fois le long de {samples} trajectoires de Morris sur {factors} hypothèses incertaines. μ* mesure l'effet moyen (en valeur absolue) du passage d'une hypothèse de sa valeur basse à sa valeur haute sur l'indicateur ; σ indique que cet effet varie selon les autres hypothèses (interactions ou non-linéarité). Les hypothèses en tête sont celles qui décident du verdict.",
                  $"Design {design} was simulated {evaluations} times along {samples} Morris trajectories over {factors} uncertain assumptions. μ* is the mean absolute effect on the metric of moving an assumption from its low to its high value; σ says that this effect depends on the other assumptions (interactions or non-linearity). The assumptions at the top are those that drive the verdict.")
            : t.T($"Le scénario {design} a été simulé {evaluations} fois (plan de Saltelli, N = {samples}) sur {factors} hypothèses incertaines. L'indice de premier ordre S1 est la part de la variance de l'indicateur due à une hypothèse seule ; l'indice total ST y ajoute ses interactions. Les barres d'erreur sont des intervalles bootstrap à 95\u00A0%.",
                  $"Design {design} was simulated {evaluations} times (Saltelli design, N = {samples}) over {factors} uncertain assumptions. The first-order index S1 is the share of the metric's variance due to one assumption alone; the total index ST adds its interactions. Error bars are 95% bootstrap intervals."))).Append("</p>\n");
        bool noise = m.TryGetProperty("noiseFactor", out var nf) && nf.ValueKind == JsonValueKind.True;
        sb.Append("<p class=\"note\">").Append(H(noise
            ? t.T("Le facteur « noise » représente le hasard : la région synthétique tirée, les hypothèses non étudiées et les événements aléatoires de la simulation. Une hypothèse dont l'effet n'est pas plus grand que celui de « noise » ne se distingue pas du hasard.",
                  "The factor “noise” stands for chance: the synthetic region drawn, the assumptions not studied and the random events of the simulation. An assumption whose effect is not larger than that of “noise” cannot be told apart from chance.")
            : t.T("La région et les hypothèses non étudiées sont tirées à chaque trajectoire ou échantillon de base et partagées par ses simulations : la variabilité régionale est moyennée et agit comme un bruit commun.",
                  "The region and the assumptions not studied are drawn per trajectory or base sample and shared by its runs: regional variability is averaged out and acts as common noise."))).Append("</p>\n");

        var csv = CsvTable.Read(Path.Combine(dir, SensitivityFolder.Csv));
        int cm = csv.Column("metric"), cf = csv.Column("factor"), cv = csv.Column(morris ? "mu_star" : "total");
        var metrics = csv.Rows.Select(r => r[cm]).Distinct().ToList();
        sb.Append("<div class=\"table-scroll\"><table class=\"sensitivity-top\">\n<thead><tr><th>")
          .Append(H(t.T("Indicateur", "Metric"))).Append("</th><th>").Append(H(t.T("Hypothèses les plus influentes", "Most influential assumptions")))
          .Append($" ({(morris ? "μ*" : "ST")})</th></tr></thead>\n<tbody>\n");
        foreach (var metric in metrics)
        {
            var top = csv.Rows.Where(r => r[cm] == metric)
                .Select(r => (Factor: r[cf], Value: double.TryParse(r[cv], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN))
                .Where(x => double.IsFinite(x.Value)).OrderByDescending(x => x.Value).Take(3)
                .Select(x => $"{x.Factor} ({t.N(x.Value)})");
            sb.Append("<tr><td>").Append(H(metric)).Append("</td><td>").Append(H(string.Join(", ", top))).Append("</td></tr>\n");
        }
        sb.Append("</tbody></table></div>\n");
        foreach (var metric in metrics)
            Svg(sb, Path.Combine(dir, SensitivityFolder.ChartFile(metric)), morris
                ? t.T($"Criblage de Morris de {metric} : μ* et σ par hypothèse, la plus influente en haut.", $"Morris screening of {metric}: μ* and σ per assumption, most influential first.")
                : t.T($"Indices de Sobol de {metric} : S1 et ST par hypothèse, la plus influente en haut.", $"Sobol indices of {metric}: S1 and ST per assumption, most influential first."));
        sb.Append("</section>\n");
    }

    // --------------------------------------------------------------------------------------------- robustness

    private static readonly string[] Criteria = ["mean", "regret_mean", "regret_p90", "regret_max", "worst_decile"];

    private static void Robustness(StringBuilder sb, string dir, Texts t)
    {
        var m = Json(Path.Combine(dir, RobustnessFolder.Manifest));
        int samples = m.GetProperty("samples").GetInt32();
        int factors = m.GetProperty("factors").GetArrayLength();
        sb.Append("<section id=\"robustesse\" class=\"robustness\" aria-labelledby=\"h-robustesse\">\n");
        sb.Append("<h2 id=\"h-robustesse\">").Append(H(t.T("Robustesse face à l'incertitude", "Robustness under uncertainty"))).Append("</h2>\n");
        sb.Append("<p>").Append(H(t.T(
            $"Chaque scénario a été simulé dans les mêmes {samples} états du monde (hypercube latin sur {factors} hypothèses incertaines). Le regret d'un scénario dans un état est son écart au meilleur scénario de cet état (0 s'il est le meilleur). Un scénario robuste a un regret faible en moyenne, au 90e centile et au pire ; le décile le plus défavorable résume ses pires cas.",
            $"Every design was simulated in the same {samples} states of the world (Latin hypercube over {factors} uncertain assumptions). A design's regret in a state is its distance from the best design of that state (0 when it is the best). A robust design has a low regret on average, at the 90th percentile and at worst; the worst decile summarises its worst cases."))).Append("</p>\n");

        var w = CsvTable.Read(Path.Combine(dir, "winners.csv"));
        int cm = w.Column("metric"), cc = w.Column("criterion"), cd = w.Column("designs");
        var metrics = w.Rows.Where(r => r[cm] != "*").Select(r => r[cm]).Distinct().ToList();
        string[] heads = [t.T("meilleure moyenne", "best mean"), t.T("regret moyen", "mean regret"), t.T("regret p90", "p90 regret"),
            t.T("regret maximal", "maximum regret"), t.T("pire décile", "worst decile")];
        sb.Append("<div class=\"table-scroll\"><table class=\"robustness-winners\">\n<thead><tr><th>").Append(H(t.T("Indicateur", "Metric"))).Append("</th>");
        foreach (var h in heads) sb.Append("<th>").Append(H(h)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var metric in metrics)
        {
            sb.Append("<tr><td>").Append(H(metric)).Append("</td>");
            foreach (var c in Criteria)
            {
                var row = w.Rows.FirstOrDefault(r => r[cm] == metric && r[cc] == c);
                sb.Append("<td>").Append(H(row is null ? "" : row[cd].Replace(";", " = "))).Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table></div>\n");

        string satPath = Path.Combine(dir, "satisficing.csv");
        if (File.Exists(satPath))
        {
            var sat = CsvTable.Read(satPath);
            int sd = sat.Column("design"), sr = sat.Column("requirements"), ss = sat.Column("share");
            if (sat.Rows.Count > 0)
                sb.Append("<p>").Append(H(t.T($"Exigences : {sat.Rows[0][sr]}. Part des états où elles sont toutes remplies : ",
                    $"Requirements: {sat.Rows[0][sr]}. Share of states in which all are met: ")))
                  .Append(H(string.Join(", ", sat.Rows.Select(r => $"{r[sd]} {t.Pct(double.Parse(r[ss], CultureInfo.InvariantCulture))}")))).Append(".</p>\n");
        }
        foreach (var metric in metrics)
            Svg(sb, Path.Combine(dir, RobustnessFolder.ChartFile(metric)),
                t.T($"Regret de chaque scénario sur {metric} : moyenne, 90e centile et maximum.", $"Regret of each design on {metric}: mean, 90th percentile and maximum."));
        foreach (var sub in Directory.GetDirectories(dir, "discover-*").Order(StringComparer.Ordinal))
            if (File.Exists(Path.Combine(sub, DiscoveryFolder.Manifest))) Discovery(sb, sub, t, "h3");
        sb.Append("</section>\n");
    }

    // --------------------------------------------------------------------------------------------- discovery

    private static void Discovery(StringBuilder sb, string dir, Texts t, string heading)
    {
        var m = Json(Path.Combine(dir, DiscoveryFolder.Manifest));
        string a = m.GetProperty("designA").GetString()!, b = m.GetProperty("designB").GetString()!, metric = m.GetProperty("metric").GetString()!;
        int samples = m.GetProperty("samples").GetInt32(), cases = m.GetProperty("cases").GetInt32();
        var box = m.GetProperty("box");
        double Num(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Number ? e.GetProperty(name).GetDouble() : double.NaN;
        bool section = heading == "h2";
        if (section) sb.Append("<section id=\"decouverte\" class=\"discovery\" aria-labelledby=\"h-decouverte\">\n");
        sb.Append($"<{heading}{(section ? " id=\"h-decouverte\"" : "")}>")
          .Append(H(t.T($"Quand {a} fait-il moins bien que {b} sur {metric} ?", $"When does {a} do worse than {b} on {metric}?"))).Append($"</{heading}>\n");
        sb.Append("<p>").Append(H(t.T(
            $"{a} fait moins bien que {b} dans {cases} états sur {samples}. La méthode PRIM cherche la région des hypothèses où ces cas se concentrent : la boîte retenue en contient {t.Pct(Num(box, "coverage"))} (couverture), et {t.Pct(Num(box, "density"))} des états de la boîte sont de tels cas (densité), contre {t.Pct(Num(m, "baseDensity"))} en tout.",
            $"{a} does worse than {b} in {cases} of {samples} states. PRIM looks for the region of the assumptions where these cases concentrate: the chosen box holds {t.Pct(Num(box, "coverage"))} of them (coverage), and {t.Pct(Num(box, "density"))} of the states in the box are such cases (density), against {t.Pct(Num(m, "baseDensity"))} overall."))).Append("</p>\n");
        var limits = box.GetProperty("limits");
        var significant = m.TryGetProperty("significantBox", out var sig) ? sig : default;
        if (limits.GetArrayLength() > 0)
        {
            sb.Append("<ul class=\"discovery-box\">\n");
            foreach (var l in limits.EnumerateArray())
            {
                double qp = l.TryGetProperty("quasiP", out var q) ? q.GetDouble() : double.NaN;
                bool matters = qp < 0.05;
                sb.Append(matters ? "<li><strong>" : "<li>")
                  .Append(H($"{l.GetProperty("factor").GetString()} ∈ [{t.N(l.GetProperty("lower").GetDouble(), 4)} ; {t.N(l.GetProperty("upper").GetDouble(), 4)}]"))
                  .Append(matters ? "</strong>" : "").Append(H(t.T($" (quasi-p {t.N(qp)})", $" (quasi-p {t.N(qp)})"))).Append("</li>\n");
            }
            sb.Append("</ul>\n");
            if (significant.ValueKind == JsonValueKind.Object)
                sb.Append("<p>").Append(H(t.T(
                    $"En gras, les hypothèses qui comptent (quasi-p < 0,05 : la restriction concentre les cas au-delà du hasard). Limitée à elles, la boîte couvre {t.Pct(Num(significant, "coverage"))} des cas avec une densité de {t.Pct(Num(significant, "density"))}.",
                    $"In bold, the assumptions that matter (quasi-p < 0.05: the restriction concentrates the cases beyond chance). Restricted to them only, the box covers {t.Pct(Num(significant, "coverage"))} of the cases with a density of {t.Pct(Num(significant, "density"))}."))).Append("</p>\n");
        }
        else sb.Append("<p>").Append(H(t.T("Aucune hypothèse ne délimite ces cas : ils sont répartis dans tout l'espace étudié.",
            "No assumption delimits these cases: they are spread over the whole space studied."))).Append("</p>\n");
        Svg(sb, Path.Combine(dir, "peeling.svg"), t.T("Trajectoire de pelage PRIM : couverture et densité de chaque boîte successive ; le point distinct est la boîte retenue.",
            "PRIM peeling trajectory: coverage and density of each successive box; the separate point is the chosen box."));
        if (section) sb.Append("</section>\n");
    }
}
