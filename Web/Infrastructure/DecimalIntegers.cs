using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// Whole numbers from forms, queries and routes are read as an optional sign and decimal digits only.
/// MVC's own binder goes through Int32Converter, which also takes "0x10" (and "&amp;h10") as hexadecimal:
/// a stock change typed as 0x10 would have moved sixteen units.
/// </summary>
public class DecimalIntegers : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        (Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType) switch
        {
            var t when t == typeof(int) => new Binder(text => int.TryParse(text, Style, CultureInfo.InvariantCulture, out var n) ? n : null),
            var t when t == typeof(long) => new Binder(text => long.TryParse(text, Style, CultureInfo.InvariantCulture, out var n) ? n : null),
            _ => null,
        };

    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    private sealed class Binder(Func<string, object?> parse) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var values = context.ValueProvider.GetValue(context.ModelName);
            if (values == ValueProviderResult.None) return Task.CompletedTask;
            context.ModelState.SetModelValue(context.ModelName, values);
            var text = values.FirstValue;
            var messages = context.ModelMetadata.ModelBindingMessageProvider;
            if (string.IsNullOrWhiteSpace(text))
            {
                // The same as MVC's own binder: empty is null where null is allowed, a problem where it is not.
                if (context.ModelMetadata.IsReferenceOrNullableType) context.Result = ModelBindingResult.Success(null);
                else context.ModelState.TryAddModelError(context.ModelName, messages.ValueMustNotBeNullAccessor(text ?? ""));
                return Task.CompletedTask;
            }
            if (parse(text) is { } number) context.Result = ModelBindingResult.Success(number);
            else context.ModelState.TryAddModelError(context.ModelName, messages.AttemptedValueIsInvalidAccessor(text, context.ModelMetadata.GetDisplayName()));
            return Task.CompletedTask;
        }
    }
}
