namespace RedMvc.Web.Infrastructure;

/// <summary>
/// MVC's own messages for values it cannot bind ("abc" for a date, an unknown choice), in the
/// visitor's language like every other message, for every form at once.
/// </summary>
public class LocalizedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var t = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => t["Validation.InvalidValue", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["Validation.InvalidValue", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Validation.Invalid"]);
        messages.SetValueIsInvalidAccessor(value => t["Validation.InvalidValue", value]);
        messages.SetValueMustBeANumberAccessor(_ => t["Validation.Invalid"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Validation.Invalid"]);
        messages.SetValueMustNotBeNullAccessor(_ => t["Validation.Invalid"]);
    }
}
