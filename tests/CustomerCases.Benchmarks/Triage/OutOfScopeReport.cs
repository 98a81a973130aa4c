using System.Globalization;
using CustomerCases.Classification.Training;

namespace CustomerCases.Benchmarks.Triage;

/// <summary>
/// The "not sure → human" part of the triage scenario: every threshold is chosen on training data only (the selection's
/// validation split, or the out-of-fold predictions of the final configuration) and then scored on the test rows.
/// </summary>
internal static class OutOfScopeReport
{
    /// <summary>Rules shown for comparison; only the declared one is reported on the last line.</summary>
    private static readonly string[] ComparedRules = ["balanced", "accuracy", "recall:0.5", "recall:0.7"];

    /// <summary>Prints the comparison table and returns the reported (in-scope accuracy, oos recall) on the test rows.</summary>
    public static (double InScope, double Recall) Print(TrainedLabelSet labelSet, IReadOnlyList<ValidationPrediction> test, string oos, string declaredRule)
    {
        var (rawInScope, rawRecall) = OutOfScopeRule.Score(test, oos, 0);
        Console.WriteLine(Invariant($"oos: without threshold in-scope {rawInScope:F4}, oos recall {rawRecall:F4}"));
        Console.WriteLine("| oos rule (threshold chosen on training data only) | chosen on | t | in-scope there | oos recall there | test in-scope | test oos recall |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        var validation = labelSet.Refinement?.ValidationPredictions ?? labelSet.ValidationPredictions;
        var calibration = labelSet.Report.OutOfScope;
        (double InScope, double Recall) reported = default;
        foreach (var rule in ComparedRules.Append(declaredRule).Distinct())
        {
            var declaredHere = calibration is null && rule == declaredRule;
            var result = Row(rule, "selection validation", OutOfScopeRule.Choose(validation, oos, rule), validation, test, oos, declaredHere);
            reported = declaredHere ? result : reported;
            if (labelSet.OutOfFoldPredictions is { } outOfFold)
            {
                Row(rule, "out of fold", OutOfScopeRule.Choose(outOfFold, oos, rule), outOfFold, test, oos, reported: false);
            }
        }
        if (calibration is not null && labelSet.OutOfFoldPredictions is { } oof)
        {
            var rule = Invariant($"recall:{calibration.TargetRecall:0.###} + {calibration.MarginStandardErrors:0.##} SE (needs {calibration.RequiredRecall:F4}; training's choice)");
            reported = Row(rule, Invariant($"out of fold, k = {calibration.Folds}, {calibration.OutOfScopeRows} oos rows"), calibration.Threshold, oof, test, oos, reported: true);
            Console.WriteLine(Invariant($"oos calibration: {calibration.Folds - 1} extra fold(s) in {calibration.Seconds:F1} s wall"));
        }
        return reported;
    }

    private static (double InScope, double Recall) Row(string rule, string where, double threshold, IReadOnlyList<ValidationPrediction> chosenOn,
        IReadOnlyList<ValidationPrediction> test, string oos, bool reported)
    {
        var (thereInScope, thereRecall) = OutOfScopeRule.Score(chosenOn, oos, threshold);
        var (inScope, recall) = OutOfScopeRule.Score(test, oos, threshold);
        var marker = reported ? " (reported)" : string.Empty;
        Console.WriteLine(Invariant($"| {rule}{marker} | {where} | {threshold:F2} | {thereInScope:F4} | {thereRecall:F4} | {inScope:F4} | {recall:F4} |"));
        return (inScope, recall);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
