using Alliances.Analysis.Sampling;

namespace Alliances.Analysis.Sensitivity;

/// <summary>Morris screening measures per factor.</summary>
/// <param name="Mu">μ: mean elementary effect (signed).</param>
/// <param name="MuStar">μ*: mean absolute elementary effect (Campolongo, Cariboni and Saltelli 2007).</param>
/// <param name="Sigma">σ: standard deviation of the elementary effects (denominator r - 1; NaN when r = 1).</param>
public sealed record MorrisResult(double[] Mu, double[] MuStar, double[] Sigma, int Trajectories);

/// <summary>
/// Elementary effects of Morris (1991) from the outputs of a <see cref="MorrisDesign"/>: for each trajectory and step,
/// EE_i = (f(x + e_i Δ_s) - f(x)) / Δ_s where Δ_s = ±Δ is the signed change of factor i on the unit scale, so effects
/// are per unit range of the factor (an output change for moving the factor across its whole range, under a linear
/// response). μ and σ as Morris (1991); μ* = mean |EE| as Campolongo, Cariboni and Saltelli (2007, "An effective
/// screening design for sensitivity analysis of large models", Environ. Model. Softw. 22, 1509-1518).
/// </summary>
public static class ElementaryEffects
{
    /// <summary><c>outputs[r]</c> = f(design.Rows[r]); rows may have been evaluated in any order.</summary>
    public static MorrisResult Analyze(MorrisDesign design, ReadOnlySpan<double> outputs)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (outputs.Length != design.RowCount)
            throw new ArgumentException($"expected {design.RowCount} outputs (r(k + 1)), got {outputs.Length}", nameof(outputs));
        int r = design.Trajectories, k = design.Factors;
        var effects = new double[k][];
        for (int i = 0; i < k; i++) effects[i] = new double[r];
        for (int t = 0; t < r; t++)
        {
            int r0 = t * (k + 1);
            for (int s = 0; s < k; s++)
            {
                int f = design.Order[t][s];
                double dx = design.Rows[r0 + s + 1][f] - design.Rows[r0 + s][f];
                double dy = outputs[r0 + s + 1] - outputs[r0 + s];
                if (!double.IsFinite(dy)) throw new ArgumentException($"non-finite output in trajectory {t}");
                effects[f][t] = dy / dx;
            }
        }
        var mu = new double[k];
        var muStar = new double[k];
        var sigma = new double[k];
        for (int i = 0; i < k; i++)
        {
            double sum = 0, sumAbs = 0;
            foreach (double e in effects[i])
            {
                sum += e;
                sumAbs += Math.Abs(e);
            }
            mu[i] = sum / r;
            muStar[i] = sumAbs / r;
            if (r < 2)
            {
                sigma[i] = double.NaN;
                continue;
            }
            double ss = 0;
            foreach (double e in effects[i]) ss += (e - mu[i]) * (e - mu[i]);
            sigma[i] = Math.Sqrt(ss / (r - 1));
        }
        return new MorrisResult(mu, muStar, sigma, r);
    }
}
