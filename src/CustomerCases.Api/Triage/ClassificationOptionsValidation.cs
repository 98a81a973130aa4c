using CustomerCases.Classification.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Triage;

/// <summary>Start-up check of <c>CustomerCases:Classification</c>, naming what is wrong.</summary>
internal sealed class ClassificationOptionsValidation : IValidateOptions<ClassificationOptions>
{
    public ValidateOptionsResult Validate(string? name, ClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{ClassificationOptions.SectionName}: {ex.Message}");
        }
    }
}
