using System.Text;
using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Domain.Cases;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Elsa.Scripting;

/// <summary>
/// POST /elsa/api/scripting/javascript/type-definitions/{workflowDefinitionId} — the TypeScript declarations Studio's
/// Monaco editor loads for IntelliSense in JavaScript expressions: the functions our script sandbox defines
/// (JavaScriptRunner; listed in workflows/README.md), <c>getCase()</c> with the fields the case gateway fills, and a
/// typed <c>get&lt;Var&gt;()</c>/<c>set&lt;Var&gt;(value)</c> pair per variable of the definition's latest version. The
/// body (Elsa's <c>{activityTypeName, propertyName}</c>) is accepted but changes nothing: every expression sees the
/// same functions. Declarations only — nothing here runs; keep the list in step with JavaScriptRunner.
/// </summary>
internal static class JavaScriptTypeDefinitions
{
    private static readonly string Fixed = $$"""
        /** A workflow variable's value (declared type, coerced). */
        declare function getVariable(name: string): any;
        /** Assigns a workflow variable (coerced to its declared type). */
        declare function setVariable(name: string, value: any): void;
        /** A workflow input by name. */
        declare function getInput(name: string): any;
        declare function getWorkflowInstanceId(): string;
        declare function getCorrelationId(): string | null;
        declare function setCorrelationId(id: string | null): void;
        /** An output of an earlier activity (by id or name); without an output name, its result. */
        declare function getOutputFrom(activityIdOrName: string, outputName?: string): any;
        /** The result of the activity that ran last. */
        declare function getLastResult(): any;
        /** Run JavaScript only: continue on this outcome port. */
        declare function setOutcome(name: string): void;
        /** Run JavaScript only: continue on these outcome ports. */
        declare function setOutcomes(names: string[]): void;
        /** The case this workflow runs for (its correlation id); null outside a case. */
        declare function getCase(): CustomerCase | null;

        interface CustomerCase {
            id: string;
            number: string;
            subject: string;
            description: string | null;
            channel: string;
            status: {{Union<CaseStatus>()}};
            priority: {{Union<CasePriority>()}};
            category: string | null;
            queue: string | null;
            assignee: string | null;
            tags: string[];
            customFields: { [name: string]: any };
            escalationLevel: number;
            createdAt: string;
            followUpOfCaseId: string | null;
            customer: { id: string; email: string; name: string | null; tier: string | null; externalId: string | null } | null;
        }

        """;

    public static async Task<IResult> HandleAsync(string workflowDefinitionId, CustomerCasesDbContext db, CancellationToken ct)
    {
        var latest = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == workflowDefinitionId && d.IsLatest)
            .Select(d => d.Json).SingleOrDefaultAsync(ct);
        if (latest is null)
        {
            return ElsaProblems.DefinitionNotFound(workflowDefinitionId);
        }

        var text = new StringBuilder(Fixed);
        foreach (var variable in (JsonNode.Parse(latest)?["variables"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = variable["name"]?.GetValue<string>();
            if (name is null || !IsIdentifier(name))
            {
                continue; // the sandbox defines get/set<Var> only for names that are identifiers
            }

            var type = TypeScript(variable["typeName"]?.GetValue<string>()) + (variable["isArray"]?.GetValue<bool>() == true ? "[]" : "");
            text.Append("/** Variable ").Append(name).Append(". */\n")
                .Append("declare function get").Append(name).Append("(): ").Append(type).Append(";\n")
                .Append("declare function set").Append(name).Append("(value: ").Append(type).Append("): void;\n");
        }

        var fileName = $"customercases.{string.Concat(workflowDefinitionId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-'))}.d.ts";
        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "application/x-typescript", fileName);
    }

    private static string Union<TEnum>() where TEnum : struct, Enum => string.Join(" | ", Enum.GetNames<TEnum>().Select(n => $"'{n}'"));

    private static string TypeScript(string? typeName) => typeName switch
    {
        "String" or "Guid" or "TimeSpan" or "DateTimeOffset" or "DateTime" => "string",
        "Boolean" => "boolean",
        "Int32" or "Int64" or "Double" or "Decimal" or "Single" => "number",
        _ => "any",
    };

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');
}
