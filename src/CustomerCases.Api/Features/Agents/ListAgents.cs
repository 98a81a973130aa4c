using CustomerCases.Api.Features.Shared;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Agents;

/// <summary>GET /api/agents and GET /api/agents/{id} — with how many tasks each holds now.</summary>
internal static class ListAgents
{
    public static async Task<IResult> ListAsync(CustomerCasesDbContext db, CancellationToken ct, string? queue = null)
    {
        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        var open = await AgentLoads.OpenTasksAsync(db, ct);
        return Results.Ok(agents.Where(a => queue is null || a.IsMemberOf(queue)).Select(a => AgentResponse.From(a, open.GetValueOrDefault(a.Id))));
    }

    public static async Task<IResult> GetAsync(Guid id, CustomerCasesDbContext db, CancellationToken ct)
    {
        var agent = await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null)
        {
            return ApiProblems.NotFound("Agent", id);
        }

        var open = await AgentLoads.OpenTasksAsync(db, ct);
        return Results.Ok(AgentResponse.From(agent, open.GetValueOrDefault(agent.Id)));
    }
}
