using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Shared;

/// <summary>
/// A unit of work that ran before taking the single-writer gate (task completion, event trigger) and lost to a writer
/// that committed meanwhile: a concurrency token moved, a row it deletes is gone, a unique key is taken, or a stimulus or
/// bookmark it matched moved (<see cref="ReadFirstAttemptOutdated"/>). It is then redone with the gate held throughout.
/// </summary>
internal static class LostRace
{
    public static bool Is(Exception ex) =>
        ex is ReadFirstAttemptOutdated || (ex is DbUpdateException update && (update is DbUpdateConcurrencyException || update.IsUniqueViolation()));
}
