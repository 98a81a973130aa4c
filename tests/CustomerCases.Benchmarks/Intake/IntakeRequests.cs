using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CustomerCases.Benchmarks.Load;

namespace CustomerCases.Benchmarks.Intake;

/// <summary>
/// Intake request bodies: realistic customer-service texts combined from a few dozen fragments, serialised once up
/// front so building a request costs the client nothing measurable. The service and B-insert get the same bodies.
/// </summary>
internal static class IntakeRequests
{
    private const int DistinctBodies = 4096;

    // Different lengths and topics so the classifier and the text columns see realistic variety, not one repeated string.
    private static readonly (string Subject, string Description)[] Issues =
    [
        ("Package not delivered", "My order {0} was marked as delivered on Monday but nothing arrived. The neighbours have not seen it either."),
        ("Charged twice for one order", "I see two identical charges for order {0} on my credit card statement. Please refund the duplicate payment."),
        ("Refund not received", "I returned the items from order {0} three weeks ago and the refund has still not reached my account."),
        ("Wrong size sent", "I ordered size M but received size XL in order {0}. I would like an exchange, not a refund."),
        ("Cannot log in", "The app keeps saying my password is wrong although I reset it twice today. I need to check order {0}."),
        ("Item arrived damaged", "The glass lid in order {0} was broken in the box. Photos are attached. Please send a replacement."),
        ("Cancel my subscription", "Please cancel my monthly subscription before the next renewal. I no longer need it. Reference {0}."),
        ("Invoice needs company address", "The invoice for order {0} shows my private address; our accounting needs the company address and VAT number."),
        ("Discount code not accepted", "The code from your newsletter is rejected at checkout with 'invalid code' although it is valid until the end of the month."),
        ("Delivery address change", "Can you still change the delivery address for order {0}? I will be travelling next week."),
        ("Product stopped working", "The kettle from order {0} stopped heating after two weeks. The light turns on but nothing happens."),
        ("Complaint about courier", "The courier left order {0} in the rain outside the building. The box was soaked and the manual is ruined."),
        ("Missing part", "The shelf in order {0} came without the screws for the back panel, so I cannot assemble it."),
        ("Account email change", "I would like to change the email address on my account; I no longer have access to the old one."),
        ("Warranty question", "Is the blender from order {0} still under warranty? It was bought eleven months ago and the motor smells burnt."),
        ("Late delivery", "Order {0} was promised for Friday and tracking has not moved for four days. When will it arrive?"),
        ("Payment failed but money taken", "Checkout showed 'payment failed', yet my bank shows the amount as pending. Order {0} does not appear in my account."),
        ("Request for data deletion", "Please delete my personal data and close my account in line with the GDPR."),
        ("Gift wrapping missing", "I paid for gift wrapping on order {0} but the present arrived in the normal box."),
        ("Loyalty points not credited", "The points for order {0} were never added to my loyalty account."),
        ("Question about return label", "The return label for order {0} does not print correctly; the barcode is cut off."),
        ("Rude agent on the phone", "The agent I spoke to yesterday about order {0} was rude and hung up on me. I expect an apology."),
        ("Price dropped after purchase", "The television I bought in order {0} is now 80 euros cheaper. Do you refund the difference?"),
        ("Out of stock notification", "Can you notify me when the grey version of the armchair is back in stock?"),
        ("Tracking link broken", "The tracking link in the shipping email for order {0} shows 'page not found'."),
        ("Allergic reaction to product", "After using the face cream from order {0} I had a strong rash. What ingredients does it contain?"),
        ("Partial delivery", "Only two of the five items in order {0} arrived. The packing slip lists all five."),
        ("Change payment method", "I would like to pay order {0} by invoice instead of card. Is that still possible?"),
        ("App crashes on checkout", "Every time I press 'Pay now' in the Android app it closes. Order {0} is stuck in the basket."),
        ("Thank you", "Just wanted to say the replacement for order {0} arrived quickly and everything is fine now. Great service."),
        ("Bulk order enquiry", "We would like to order 200 units of the desk lamp for our office. Do you offer a volume discount?"),
        ("Wrong colour", "I ordered the blue backpack but order {0} contained a red one."),
    ];

    private static readonly string[] Channels = ["web", "web", "email", "chat", "phone"];

    private static readonly byte[][] Bodies = BuildBodies();

    /// <summary>POST /api/cases on the real service, authenticated with the bootstrap admin key.</summary>
    public static LoadTarget Service(Hosting.ServiceProcess service) => Service(service.BaseAddress, service.ApiKey, service.ProcessId);

    /// <summary>POST /api/cases on a service at <paramref name="baseAddress"/> (in this process when <paramref name="processId"/> is null).</summary>
    public static LoadTarget Service(Uri baseAddress, string apiKey, int? processId = null)
    {
        var uri = new Uri(baseAddress, "/api/cases");
        var authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        return new LoadTarget("service POST /api/cases", HttpStatusCode.Created, n =>
        {
            var request = Post(uri, n);
            request.Headers.Authorization = authorization;
            return request;
        }, processId);
    }

    /// <summary>B-insert: POST /_perf/insert on the baseline server, same bodies.</summary>
    public static LoadTarget Baseline(Hosting.IRunningServer baseline)
    {
        var uri = new Uri(baseline.BaseAddress, "/_perf/insert");
        return new LoadTarget("B-insert POST /_perf/insert", HttpStatusCode.Created, n => Post(uri, n), baseline.ProcessId);
    }

    /// <summary>The n-th intake body as JSON content (other scenarios seed cases with the same bodies).</summary>
    public static ByteArrayContent Content(long n)
    {
        var content = new ByteArrayContent(Bodies[n % DistinctBodies]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static HttpRequestMessage Post(Uri uri, long n) => new(HttpMethod.Post, uri) { Content = Content(n) };

    private static byte[][] BuildBodies()
    {
        var random = new Random(20261125); // fixed seed: the same bodies in every run
        var bodies = new byte[DistinctBodies][];
        for (var i = 0; i < bodies.Length; i++)
        {
            var (subject, description) = Issues[random.Next(Issues.Length)];
            var order = $"#{random.Next(100_000, 999_999)}";
            bodies[i] = JsonSerializer.SerializeToUtf8Bytes(new
            {
                customer = new { email = $"c{i}@example.com", name = $"Customer {i}" },
                subject,
                description = string.Format(System.Globalization.CultureInfo.InvariantCulture, description, order),
                channel = Channels[i % Channels.Length],
            });
        }
        return bodies;
    }
}
