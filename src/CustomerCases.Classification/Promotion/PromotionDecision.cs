namespace CustomerCases.Classification.Promotion;

/// <summary>Whether a retrained model replaces the active one, with both scores and the reason (kept for audit).</summary>
public sealed record PromotionDecision(bool Promote, double CandidateScore, double ActiveScore, double Tolerance, string Reason);
