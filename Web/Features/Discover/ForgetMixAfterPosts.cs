namespace RedMvc.Web.Features.Discover;

/// <summary>
/// Any POST by a member (a like, a collect, a follow, "not interested", a block, a comment) may change
/// their discover mix, so it is forgotten: the member sees their own actions on the very next page,
/// whichever node serves it.
/// </summary>
public static class ForgetMixAfterPosts
{
    public static IApplicationBuilder UseForgetMixAfterPosts(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            if (HttpMethods.IsPost(context.Request.Method) && context.User.Id() is { } memberId)
                await context.RequestServices.GetRequiredService<PersonalMix>().ForgetAsync(memberId);
        });
}
