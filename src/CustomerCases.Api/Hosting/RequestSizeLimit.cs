using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace CustomerCases.Api.Hosting;

/// <summary>
/// Refuses bodies over the limit with a 413 problem before anything reads them. Kestrel enforces the same limit on
/// streamed bodies (MaxRequestBodySize); this also covers hosts that do not (the in-memory test server) and gives
/// the answer a problem-details body.
/// </summary>
internal sealed class RequestSizeLimit(RequestDelegate next, long maxBytes)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = 413,
                    Title = "Request body too large",
                    Detail = $"The request body exceeds the allowed {maxBytes} bytes.",
                },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        await next(context);
    }
}
