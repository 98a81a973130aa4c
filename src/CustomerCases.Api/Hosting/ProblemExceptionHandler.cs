using CustomerCases.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Hosting;

/// <summary>
/// Turns exceptions into RFC 7807 answers: unreadable or oversized requests keep their 4xx status (field by field where
/// a value could not be read: <see cref="BadRequestProblems"/>), a refused domain
/// rule or a lost optimistic-concurrency race is 409 with a stable <c>code</c>, and anything else is a 500 that
/// reveals nothing internal.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Status = 413,
                Title = "Request body too large",
                Detail = "The request body exceeds the allowed size.",
            },
            BadHttpRequestException bad => BadRequestProblems.From(bad, httpContext),
            DomainException domain => WithCode(new ProblemDetails { Status = 409, Title = "Not allowed in the current state", Detail = domain.Message }, domain.Code),
            DbUpdateConcurrencyException => WithCode(new ProblemDetails
            {
                Status = 409,
                Title = "Concurrent update",
                Detail = "Someone else changed this resource at the same time. Read it again and retry.",
            }, "concurrent_update"),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
            problem = new ProblemDetails { Status = 500, Title = "Internal error", Detail = "The request failed; it has been logged." };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails WithCode(ProblemDetails problem, string code)
    {
        problem.Extensions["code"] = code;
        return problem;
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
