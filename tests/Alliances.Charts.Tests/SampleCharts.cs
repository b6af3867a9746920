namespace Alliances.Charts.Tests;

/// <summary>Small, fixed chart inputs used by the golden-file and validity tests.</summary>
internal static class SampleCharts
{
    private static readonly string[] Designs = ["Statu quo", "Table de concertation", "Alliance d'acteurs", "Gouvernance <élargie> & co"];

    public static IReadOnlyDictionary<string, Chart> All { get; } = new Dictionary<string, Chart>
    {
        ["line_band"] = LineBand(),
        ["distribution"] = Distribution(violin: false),
        ["distribution_violin"] = Distribution(violin: true),
        ["scatter"] = Scatter(),
        ["scatter_connected"] = PeelingTrajectory(),
        ["heatmap"] = Heatmap(),
        ["forest"] = Forest(),
        ["bar"] = Bar(),
    };

    public static LineBandChart LineBand()
    {
        var series = new List<LineBandSeries>();
        for (int d = 0; d < 3; d++)
        {
            int n = 25;
            var x = new double[n];
            var med = new double[n];
            var p25 = new double[n];
            var p75 = new double[n];
            var p05 = new double[n];
            var p95 = new double[n];
            for (int t = 0; t < n; t++)
            {
                x[t] = t * 5;
                double trend = 0.18 - (0.02 + 0.015 * d) * (1 - Math.Exp(-t / 8.0));
                double spread = 0.004 + 0.0012 * t;
                med[t] = trend;
                p25[t] = trend - spread;
                p75[t] = trend + spread;
                p05[t] = trend - 2.4 * spread;
                p95[t] = trend + 2.4 * spread;
            }

            series.Add(new LineBandSeries(Designs[d], x, med)
            {
                InnerLow = p25, InnerHigh = p75, OuterLow = p05, OuterHigh = p95,
            });
        }

        return new LineBandChart
        {
            Title = "Taux de pauvreté selon le design de gouvernance",
            XLabel = "Mois",
            YLabel = "Taux de pauvreté",
            Series = series,
            Options = new ChartOptions { IdPrefix = "line-band" },
        };
    }

    public static DistributionChart Distribution(bool violin)
    {
        var rng = new TestRng(42);
        var cats = new List<DistributionCategory>();
        for (int d = 0; d < 4; d++)
        {
            var samples = new double[60];
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = rng.Normal(0.55 + 0.05 * d, 0.06 + 0.015 * d);
            }

            double mean = samples.Average();
            double sd = Math.Sqrt(samples.Sum(v => (v - mean) * (v - mean)) / (samples.Length - 1));
            double half = 1.96 * sd / Math.Sqrt(samples.Length);
            cats.Add(new DistributionCategory(Designs[d], samples) { Mean = mean, CiLow = mean - half, CiHigh = mean + half });
        }

        return new DistributionChart
        {
            Title = violin ? "Cohésion finale (violons)" : "Cohésion finale par design",
            XLabel = "Design",
            YLabel = "Indice de cohésion",
            Categories = cats,
            ShowViolin = violin,
            Whiskers = violin ? WhiskerRule.Tukey : WhiskerRule.Percentile5To95,
            Options = new ChartOptions { IdPrefix = violin ? "dist-violin" : "dist", Width = 640, Height = 400 },
        };
    }

    public static ScatterChart Scatter()
    {
        var rng = new TestRng(7);
        var groups = new List<ScatterGroup>();
        for (int g = 0; g < 3; g++)
        {
            var x = new double[40];
            var y = new double[40];
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = rng.Normal(20 + 8 * g, 4);
                y[i] = rng.Normal(0.3 + 0.1 * g, 0.05) + 0.004 * (x[i] - 20);
            }

            double mx = x.Average(), my = y.Average();
            groups.Add(new ScatterGroup(Designs[g], x, y)
            {
                Cross = new CiCross(mx, mx - 1.4, mx + 1.4, my, my - 0.02, my + 0.02),
            });
        }

        return new ScatterChart
        {
            Title = "Coûts de coordination vs. couverture",
            XLabel = "Heures de coordination / mois",
            YLabel = "Couverture des besoins",
            Groups = groups,
            Options = new ChartOptions { IdPrefix = "scatter", Width = 640, Height = 420 },
        };
    }

    public static ScatterChart PeelingTrajectory()
    {
        double[] coverage = [1.0, 0.93, 0.85, 0.78, 0.70, 0.61, 0.52, 0.41, 0.30];
        double[] density = [0.22, 0.26, 0.31, 0.37, 0.44, 0.52, 0.60, 0.69, 0.77];
        string?[] labels = ["0", "1", "2", "3", "4", "5", "6", "7", "8"];
        return new ScatterChart
        {
            Title = "Trajectoire de pelage (PRIM)",
            XLabel = "Couverture",
            YLabel = "Densité",
            ConnectPoints = true,
            Groups = [new ScatterGroup("Boîte candidate", coverage, density) { Labels = labels }],
            XRange = new AxisRange(0, 1),
            YRange = new AxisRange(0, 1),
            Options = new ChartOptions { IdPrefix = "peeling", Width = 480, Height = 400 },
        };
    }

    public static HeatmapChart Heatmap()
    {
        string[] rows = ["Abitibi-Témiscamingue", "Bas-Saint-Laurent", "Capitale-Nationale", "Côte-Nord", "Estrie", "Gaspésie–Îles-de-la-Madeleine", "Montréal", "Outaouais"];
        int months = 36;
        var cols = Enumerable.Range(1, months).Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var values = new List<IReadOnlyList<double>>();
        for (int r = 0; r < rows.Length; r++)
        {
            var row = new double[months];
            for (int m = 0; m < months; m++)
            {
                row[m] = 0.1 + 0.08 * Math.Sin((m + 3 * r) / 6.0) + 0.01 * r;
            }

            if (r == 3)
            {
                row[5] = double.NaN; // missing cell
            }

            values.Add(row);
        }

        return new HeatmapChart
        {
            Title = "Insécurité alimentaire par territoire",
            XLabel = "Mois",
            YLabel = "",
            ColorLabel = "Part des ménages",
            RowLabels = rows,
            ColumnLabels = cols,
            Values = values,
            Options = new ChartOptions { IdPrefix = "heatmap", Width = 760, Height = 360 },
        };
    }

    public static ForestPlot Forest() => new()
    {
        Title = "Effet des designs sur le taux de pauvreté (vs. statu quo)",
        XLabel = "Différence (points de pourcentage)",
        ValueColumnHeader = "Moyenne [IC 95 %]",
        Rows =
        [
            new ForestRow("Table de concertation", -1.2, -2.1, -0.3),
            new ForestRow("Alliance d'acteurs", -2.35, -3.4, -1.3),
            new ForestRow("Gouvernance <élargie> & co", -0.4, -1.5, 0.7),
            new ForestRow("Financement par projet", 0.8, -0.2, 1.9),
            new ForestRow("Réseau intersectoriel", -1.7, -2.2, -1.2),
        ],
        Options = new ChartOptions { IdPrefix = "forest", Width = 720, Height = 300 },
    };

    public static BarChart Bar() => new()
    {
        Title = "Indices de Sobol (taux de pauvreté au mois 60)",
        ValueLabel = "Indice",
        Categories = ["Confiance initiale", "Budget régional", "Taux de roulement", "Poids des élus", "Seuil d'alliance", "Bruit d'information"],
        Series =
        [
            new BarSeries("Premier ordre (S1)", [0.41, 0.22, 0.12, 0.06, 0.03, -0.01])
            {
                Low = [0.35, 0.17, 0.08, 0.02, -0.01, -0.04],
                High = [0.47, 0.27, 0.16, 0.10, 0.07, 0.02],
            },
            new BarSeries("Total (ST)", [0.52, 0.30, 0.19, 0.09, 0.08, 0.02])
            {
                Low = [0.46, 0.25, 0.14, 0.05, 0.04, 0.00],
                High = [0.58, 0.35, 0.24, 0.13, 0.12, 0.05],
            },
        ],
        Options = new ChartOptions { IdPrefix = "sobol", Width = 640, Height = 380 },
    };
}
