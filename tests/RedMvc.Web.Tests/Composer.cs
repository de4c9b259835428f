namespace RedMvc.Web.Tests;

/// <summary>The note composer at /notes/new, filled in and sent as a member's browser sends it.</summary>
public static class Composer
{
    public static Dictionary<string, string> Fields(string title = "测试笔记", string body = "", string channel = "food", string visibility = "Public",
        string action = "Publish", string? scheduleAt = null, string? place = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Body"] = body,
            ["Channel"] = channel,
            ["Visibility"] = visibility,
            ["Action"] = action,
            ["ScheduleAt"] = scheduleAt ?? "",
            ["TimeZone"] = "UTC",
        };
        if (place is not null) fields["Place"] = place;
        return fields;
    }

    /// <summary>Opens the composer and sends these fields and photos with the page's antiforgery token.</summary>
    public static async Task<Visitor.Page> SendNoteAsync(this Visitor member, Dictionary<string, string> fields, IEnumerable<(string Name, string FileName, byte[] Content)> photos)
    {
        var form = await member.GetAsync("/notes/new");
        return await form.SubmitMultipartAsync(member.Client, "/notes/new", fields, photos);
    }

    /// <summary>Posts a note with one photo through the composer; returns the address the member lands on (the note's page).</summary>
    public static async Task<string> PostNoteAsync(this Visitor author, string title = "测试笔记", string body = "", string channel = "food",
        string visibility = "Public", string action = "Publish", string? scheduleAt = null) =>
        (await author.SendNoteAsync(Fields(title, body, channel, visibility, action, scheduleAt), TestPhotos.Files(1))).Url;
}
