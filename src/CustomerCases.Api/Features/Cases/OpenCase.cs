using System.Net.Mail;
using System.Security.Claims;
using System.Text.Json;
using CustomerCases.Api.Auth;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Domain.Cases;
using CustomerCases.Persistence;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Features.Cases;

/// <summary>POST /api/cases — a customer's request becomes a case. 201 means it is committed.</summary>
internal static class OpenCase
{
    internal sealed record Request(
        CustomerInput? Customer,
        string? Subject,
        string? Description,
        string? Channel,
        string? Priority,
        string? Category,
        List<string>? Tags,
        Dictionary<string, JsonElement>? CustomFields);

    internal sealed record CustomerInput(string? Email, string? Name, string? ExternalId, string? Tier);

    public static async Task<IResult> HandleAsync(Request request, HttpContext http, ClaimsPrincipal user, CaseIntake intake,
        CustomerCasesDbContext db, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var validation = new Validation();
        var idempotencyKey = Idempotency.ReadKey(http.Request, validation);
        var command = Validate(request, validation);
        if (!validation.IsValid || command is null)
        {
            return validation.Problem();
        }

        var idempotency = idempotencyKey is null
            ? null
            : new IdempotencyContext($"cases.create:{user.KeyId()}", idempotencyKey, Idempotency.HashOf(request, json.Value.SerializerOptions));
        if (idempotency is not null && await Idempotency.TryReplayAsync(db, idempotency.Scope, idempotency.Key, idempotency.RequestHash, ct) is { } replay)
        {
            return replay;
        }

        var outcome = await intake.OpenAsync(command, user.ToActor(), idempotency, ct);
        return outcome.Replay ?? Results.Created($"/api/cases/{outcome.Response!.Id}", outcome.Response);
    }

    internal static CaseIntake.Command? Validate(Request r, Validation v)
    {
        if (r.Customer is null)
        {
            v.Add("customer", "is required.");
        }
        else if (string.IsNullOrWhiteSpace(r.Customer.Email))
        {
            v.Add("customer.email", "is required.");
        }
        else if (r.Customer.Email.Length > 320 || !MailAddress.TryCreate(r.Customer.Email.Trim(), out var parsed) || parsed.Address != r.Customer.Email.Trim())
        {
            v.Add("customer.email", "must be a valid e-mail address.");
        }

        v.MaxLength("customer.name", r.Customer?.Name, 200).MaxLength("customer.externalId", r.Customer?.ExternalId, 100)
            .MaxLength("customer.tier", r.Customer?.Tier, 50);
        v.Require("subject", r.Subject, 500).Require("description", r.Description, 100_000).MaxLength("category", r.Category, 100);
        var channel = v.Enum<CaseChannel>("channel", r.Channel) ?? CaseChannel.Api;
        var priority = v.Enum<CasePriority>("priority", r.Priority) ?? CasePriority.Normal;
        ValidateTags(r.Tags, v);
        var customFields = CustomFields(r.CustomFields, v);
        if (!v.IsValid)
        {
            return null;
        }

        var draft = new CaseDraft(r.Subject!, r.Description!, channel, priority, r.Category)
        {
            Tags = r.Tags ?? [],
            CustomFields = customFields,
        };
        return new CaseIntake.Command(r.Customer!.Email!.Trim(), r.Customer.Name, r.Customer.ExternalId, r.Customer.Tier, draft, ExplicitCategory: r.Category is not null,
            ExplicitPriority: r.Priority is not null);
    }

    internal static void ValidateTags(List<string>? tags, Validation v)
    {
        if (tags is null)
        {
            return;
        }

        if (tags.Count > 50)
        {
            v.Add("tags", "at most 50 tags.");
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(tags[i]) || tags[i].Length > 50)
            {
                v.Add($"tags[{i}]", "must be 1 to 50 characters.");
            }
        }
    }

    private static Dictionary<string, string> CustomFields(Dictionary<string, JsonElement>? fields, Validation v)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (fields is null)
        {
            return result;
        }

        if (fields.Count > 100)
        {
            v.Add("customFields", "at most 100 fields.");
        }

        foreach (var (name, value) in fields)
        {
            // Scalars only: a custom field is something an agent reads and a report groups by.
            string? text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            };
            if (name.Length is 0 or > 100)
            {
                v.Add("customFields", $"field names must be 1 to 100 characters ('{name}').");
            }
            else if (text is null || text.Length > 2000)
            {
                v.Add($"customFields.{name}", "must be a string, number or boolean of at most 2000 characters.");
            }
            else
            {
                result[name] = text;
            }
        }

        return result;
    }
}

internal sealed record IdempotencyContext(string Scope, string Key, string RequestHash);
