namespace CustomerCases.Benchmarks.Reporting;

/// <summary>One goal from performance.md §3.2 checked against a measured value (the intake scenario has its own copy, IntakeGoal).</summary>
public sealed record Goal(string Id, string What, double Value, double Must, double Target, bool HigherIsBetter)
{
    public string Verdict => double.IsNaN(Value) ? "not measured"
        : Meets(Target) ? "target met"
        : Meets(Must) ? "must met"
        : "FAILED";

    public bool Meets(double threshold) => HigherIsBetter ? Value >= threshold : Value <= threshold;
}
