using System.Text.Json.Nodes;

namespace Pith.Bench;

/// <summary>
/// Issue 15's targets for the import bench, each beside what this run measured and whether it is met: ratios are the
/// medians of the per-round ratios, memory the largest peak of any round. A target the run has no figure for (the peer
/// without --peer) is listed as not measured. In the text form a block of its own; in JSON one object per target,
/// <c>target_NAME</c>, with its threshold, the measured value and <c>met</c> (null when not measured).
/// </summary>
public static class ImportTargets
{
    public const double FreshOverPeer = 5.0;
    public const double FreshOverCeiling = 0.45;
    public const double ReimportOverCeiling = 2.5;
    public const double VerifyOverCeiling = 0.5;

    // The issue says MB: decimal, the stricter reading.
    public const long FreshPeakBytes = 150_000_000;

    public static void Add(Report report, int records, Percentiles? freshOverPeer, Percentiles freshOverCeiling, Percentiles reimportOverCeiling,
        Percentiles verifyOverCeiling, long freshPeakBytes)
    {
        report.DerivedHeading($"targets (issue 15: ratios measured in one run at 20,000 records, checked at 100,000; this run: {records:N0} records)");
        Ratio(report, "fresh_import_over_peer", $"fresh import / peer ≥ {FreshOverPeer:0.0#}", FreshOverPeer, freshOverPeer, "give --peer SCRIPT");
        Ratio(report, "fresh_import_over_ceiling", $"fresh import / ceiling ≥ {FreshOverCeiling:0.0#}", FreshOverCeiling, freshOverCeiling, null);
        Ratio(report, "reimport_over_ceiling", $"re-import / ceiling ≥ {ReimportOverCeiling:0.0#}", ReimportOverCeiling, reimportOverCeiling, null);
        Ratio(report, "verify_over_ceiling", $"verify FOLDER / ceiling ≥ {VerifyOverCeiling:0.0#}", VerifyOverCeiling, verifyOverCeiling, null);
        Memory(report, freshPeakBytes);
    }

    private static void Ratio(Report report, string key, string label, double threshold, Percentiles? measured, string? missing)
    {
        if (measured is null)
        {
            report.Derived($"target_{key}", "  " + label, new JsonObject { ["at_least"] = threshold, ["measured"] = null, ["met"] = null },
                $"not measured ({missing})");
            return;
        }
        var met = measured.Median >= threshold;
        report.Derived($"target_{key}", "  " + label, new JsonObject { ["at_least"] = threshold, ["measured"] = Math.Round(measured.Median, 3), ["met"] = met },
            $"{measured.Median:F2} (min {measured.Min:F2}, max {measured.Max:F2}): {(met ? "met" : "not met")}");
    }

    private static void Memory(Report report, long peakBytes)
    {
        var met = peakBytes <= FreshPeakBytes;
        report.Derived("target_fresh_import_peak_bytes", $"  fresh import peak ≤ {FreshPeakBytes / 1_000_000} MB",
            new JsonObject { ["at_most"] = FreshPeakBytes, ["measured"] = peakBytes, ["met"] = met },
            $"{peakBytes / 1e6:F1} MB ({Report.Megabytes(peakBytes)}; the largest of the rounds): {(met ? "met" : "not met")}");
    }
}
