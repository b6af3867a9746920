namespace Alliances.Model;

/// <summary>Exogenous events of a scenario (brief P10). Months count from April 2018 (month 0).</summary>
public sealed record ShockSpec
{
    /// <summary>Pandemic-like shock: no in-person meetings, needs shift to basic needs (report L2653-2661, L4226-4234, L4363-4390).</summary>
    public bool Pandemic { get; init; } = true;
    /// <summary>Default: March 2020 = month 23.</summary>
    public int PandemicStart { get; init; } = 23;
    public int PandemicMonths { get; init; } = 18;

    /// <summary>Funding interruption: no payment and no call (report L5740-5765, L6456-6459).</summary>
    public bool FundingGap { get; init; }
    public int GapStart { get; init; } = 36;
    public int GapMonths { get; init; } = 18;
    /// <summary>Bridging payment at the start of the gap, as a share of one year of envelope (report L363-366).</summary>
    public double BridgingShare { get; init; }

    /// <summary>Municipal general elections (X1 [A]; default off, sensitivity only). November 2021 = month 43.</summary>
    public bool Elections { get; init; }
    public IReadOnlyList<int> ElectionMonths { get; init; } = [43];
}

/// <summary>The time frame: the 2017-2023 edition is 72 months from April 2018; the one-year extension is optional (report L360-369).</summary>
public sealed record EditionSpec
{
    public int Months { get; init; } = 72;
    /// <summary>Extension months (0 or 12): a one-year extension after the 72 months, paid at month 72 (April 2024), as the
    /// edition was extended by a year in 2023 (report L360-369, L736-738).</summary>
    public int ExtensionMonths { get; init; }
    /// <summary>Extension envelope of the region in dollars (26.1 M$ over 21 agreements ≈ 1.24 M$; report L360-369).</summary>
    public double ExtensionEnvelope { get; init; } = 1_240_000;

    public int TotalMonths => Months + ExtensionMonths;
}
