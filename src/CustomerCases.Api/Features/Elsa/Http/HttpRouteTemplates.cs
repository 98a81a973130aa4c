using System.Text.Json.Nodes;
using CustomerCases.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.EntityFrameworkCore;
using EngineStimuli = CustomerCases.Workflows.Runtime.Stimuli;

namespace CustomerCases.Api.Features.Elsa.Http;

/// <summary>
/// HttpEndpoint paths with route parameters (<c>orders/{id}</c>, <c>files/{*rest}</c>, optional <c>{page?}</c>), as
/// Elsa matches them with ASP.NET Core's route templates. Triggers and bookmarks are indexed by the template's hash,
/// so a request that matches no literal path is matched against the templates that published triggers and open
/// bookmarks declare for its method; each match yields the template's stimulus and the route values.
/// Inline constraints (<c>{id:int}</c>, <c>{code:length(3)}</c>, <c>{slug:regex(...)}</c>) are ASP.NET Core's and are
/// checked as it checks them: a value that breaks one does not match the template.
/// </summary>
internal static class HttpRouteTemplates
{
    internal sealed record Match(string Template, JsonObject RouteData);

    public static async Task<List<Match>> FindAsync(CustomerCasesDbContext db, string path, string method, IInlineConstraintResolver constraints, CancellationToken ct)
    {
        // "/{" is in the payload JSON only when the path has a parameter segment.
        var payloads = await db.WorkflowTriggers.AsNoTracking()
            .Where(t => t.Name == EngineStimuli.HttpEndpointName && t.PayloadJson != null && t.PayloadJson.Contains("/{"))
            .Select(t => t.PayloadJson!)
            .Concat(db.Bookmarks.AsNoTracking()
                .Where(b => b.Name == EngineStimuli.HttpEndpointName && b.PayloadJson != null && b.PayloadJson.Contains("/{"))
                .Select(b => b.PayloadJson!))
            .Distinct()
            .ToListAsync(ct);

        var templates = payloads
            .Select(p => JsonNode.Parse(p) as JsonObject)
            .Where(p => string.Equals(p?["method"]?.GetValue<string>(), method, StringComparison.OrdinalIgnoreCase))
            .Select(p => p!["path"]?.GetValue<string>())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        var matches = new List<Match>();
        var requestPath = "/" + path.Trim('/');
        foreach (var template in templates)
        {
            if (TryMatch(template, requestPath, constraints) is { } values)
            {
                matches.Add(new Match(template, values));
            }
        }

        return matches;
    }

    private static JsonObject? TryMatch(string template, string requestPath, IInlineConstraintResolver constraints)
    {
        RouteTemplate parsed;
        try
        {
            parsed = TemplateParser.Parse(template.TrimStart('/'));
        }
        catch (ArgumentException)
        {
            return null; // not a valid template; it can only ever match literally
        }

        var values = new RouteValueDictionary();
        if (!new TemplateMatcher(parsed, new RouteValueDictionary()).TryMatch(requestPath, values)
            || !SatisfiesConstraints(parsed, values, constraints))
        {
            return null;
        }

        var data = new JsonObject();
        foreach (var (key, value) in values)
        {
            data[key] = value?.ToString();
        }

        return data;
    }

    /// <summary>Every inline constraint of every parameter that has a value; an unknown constraint name never matches.</summary>
    private static bool SatisfiesConstraints(RouteTemplate template, RouteValueDictionary values, IInlineConstraintResolver constraints)
    {
        foreach (var parameter in template.Parameters)
        {
            if (parameter.Name is null || !values.ContainsKey(parameter.Name))
            {
                continue; // an optional parameter without a value has nothing to check
            }

            foreach (var inline in parameter.InlineConstraints)
            {
                IRouteConstraint? constraint;
                try
                {
                    constraint = constraints.ResolveConstraint(inline.Constraint);
                }
                catch (InvalidOperationException)
                {
                    constraint = null; // malformed arguments, e.g. min(x)
                }

                if (constraint is null || !constraint.Match(null, null, parameter.Name, values, RouteDirection.IncomingRequest))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
