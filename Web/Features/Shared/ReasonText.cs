using RedMvc.Domain.Ranking;

namespace RedMvc.Web.Features.Shared;

/// <summary>The resource key and argument of a card's "why" line.</summary>
public static class ReasonText
{
    public static (string Key, string? Argument) Of(MixReason reason) => reason.Kind switch
    {
        ReasonKind.FollowedAuthor => ("Why.FollowedAuthor", null),
        ReasonKind.LikedTopic => ("Why.LikedTopic", "#" + reason.Label),
        ReasonKind.Channel => ("Why.Channel", reason.Label),
        ReasonKind.LikedAuthor => ("Why.LikedAuthor", null),
        _ => ("Why.Trending", null),
    };
}
