namespace CustomerCases.Benchmarks.Intake;

/// <summary>One goal from performance.md §3.2 checked against a measured value.</summary>
public sealed record IntakeGoal(string Id, string What, double Value, double Must, double Target, bool HigherIsBetter)
{
    public string Verdict => double.IsNaN(Value) ? "not measured"
        : Meets(Target) ? "target met"
        : Meets(Must) ? "must met"
        : "FAILED";

    public bool Meets(double threshold) => HigherIsBetter ? Value >= threshold : Value <= threshold;
}
