using Hangfire;
using RedMvc.Domain.Social;
using RedMvc.Workers.Files;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Seed;

/// <summary>
/// The people and talk that make the demo look lived-in: readers who follow, like and comment,
/// authors who answer, likes on comments, and drawn avatars for most members. Everything goes
/// through the same Domain services as the site, so counts and notifications come out as real.
/// </summary>
public class DemoConversations(AppDbContext db, UserManager<AppUser> users, IFileStore files, IBackgroundJobClient jobs, ILogger<DemoConversations> logger)
{
    private static readonly (string Handle, string Name)[] Readers =
    [
        ("ming_li", "李明"), ("tangtang", "糖糖"), ("xixi.w", "西西"), ("chen_yu", "陈宇"), ("nana", "娜娜酱"),
        ("kai.zh", "阿凯"), ("yoyo_lin", "悠悠"), ("dou_dou", "豆豆"), ("sunny.he", "Sunny 何"), ("leo_w", "Leo"),
        ("fang_fang", "芳芳"), ("qiqi", "琪琪"), ("bobo.z", "波波"), ("jing_wang", "王静"), ("amy.t", "Amy"),
        ("xiaoyu", "小雨"), ("hao_ran", "浩然"), ("lulu_sh", "露露在上海"), ("mumu", "木木"), ("ethan.c", "Ethan"),
        ("zhen_zhen", "珍珍"), ("coco.l", "Coco"), ("da_wei", "大伟"), ("ruby_q", "Ruby"),
    ];

    private static readonly string[] Comments =
    [
        "好美！求地址～", "收藏了，周末就去试试", "这个配色太好看了吧", "请问是什么牌子的？", "看饿了😋",
        "博主拍照好会！", "同款已下单", "去过！真的很值得", "Looks amazing, saving this!", "学到了，谢谢分享",
        "氛围感拉满", "这个价格也太香了", "求出教程！", "第三张绝了", "Where is this? Need to go!",
        "已经在路上了哈哈", "每次看你的笔记都很治愈", "马住，下次出门照着来", "被种草了", "细节好用心",
    ];

    private static readonly string[] Replies =
    [
        "谢谢喜欢～", "地址在文末哦", "哈哈一起冲！", "Thank you! 💕", "下一篇就出教程", "私信告诉你～", "真的很推荐",
    ];

    public async Task SeedAsync(IReadOnlyList<string> authorIds, CancellationToken cancellationToken = default)
    {
        if (await db.Comments.AnyAsync(cancellationToken)) return;
        var readers = await SeedReadersAsync();
        var everyone = authorIds.Concat(readers).ToList();
        await SeedFollowsAsync(readers, authorIds, cancellationToken);
        await SeedLikesAndCommentsAsync(everyone, readers, cancellationToken);
        await SeedAvatarsAsync(everyone, cancellationToken);
        logger.LogInformation("Demo readers, comments and avatars seeded");
    }

    private async Task<List<string>> SeedReadersAsync()
    {
        var ids = new List<string>();
        // Readers joined after the demo members, and before every demo note.
        var joined = DateTime.UtcNow - DemoSeeder.JoinedAgo + TimeSpan.FromDays(20);
        foreach (var (handle, name) in Readers)
        {
            var user = await users.FindByNameAsync(handle);
            if (user is null)
            {
                user = new AppUser
                {
                    Email = $"{handle.Replace('.', '_')}@readers.redmvc.local", EmailConfirmed = true, UserName = handle, Handle = handle, DisplayName = name,
                    Culture = "zh-CN", CreatedAt = joined.AddHours(ids.Count),
                };
                if (!(await users.CreateAsync(user, DemoSeeder.MemberPassword)).Succeeded) continue;
                await users.AddToRoleAsync(user, Roles.Member);
            }
            ids.Add(user.Id);
        }
        return ids;
    }

    /// <summary>Each reader follows most authors, so the authors' follower counts and notifications fill up.</summary>
    private async Task SeedFollowsAsync(IReadOnlyList<string> readers, IReadOnlyList<string> authors, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        for (var r = 0; r < readers.Count; r++)
        for (var a = 0; a < authors.Count; a++)
            if ((r + a) % 4 != 0) await Following.FollowAsync(db, readers[r], authors[a], now.AddMinutes(-(r * 37 + a * 11)), cancellationToken);
    }

    /// <summary>
    /// The newest notes get the most: popular notes draw a crowd of likes, collects and a conversation with the
    /// author answering; older ones get a few. Deterministic, so every fresh demo looks the same.
    /// </summary>
    private async Task SeedLikesAndCommentsAsync(IReadOnlyList<string> everyone, IReadOnlyList<string> readers, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var notes = await db.Notes.OrderByDescending(n => n.PublishedAt).Select(n => new { n.Id, n.AuthorId, n.PublishedAt }).ToListAsync(cancellationToken);
        for (var i = 0; i < notes.Count; i++)
        {
            var note = notes[i];
            var popular = i % 5 == 0;
            var at = note.PublishedAt!.Value;
            DateTime After(int minutes) => at.AddMinutes(minutes) < now ? at.AddMinutes(minutes) : now; // never in the future
            var likers = popular ? 14 + i % 9 : i % 6;
            for (var k = 0; k < likers; k++)
                await NoteLikes.LikeAsync(db, note.Id, readers[(i * 3 + k) % readers.Count], After(10 + k * 13), cancellationToken);
            for (var k = 0; k < likers / 3; k++)
                await Collecting.CollectAsync(db, readers[(i * 3 + k) % readers.Count], note.Id, null, After(15 + k * 13), cancellationToken);

            var talk = popular ? 4 + i % 3 : i % 3;
            for (var k = 0; k < talk; k++)
            {
                var reader = readers[(i * 7 + k * 5) % readers.Count];
                var comment = Comment.OnNote(note.Id, reader, Comments[(i + k * 3) % Comments.Length], After(20 + k * 47));
                await NoteComments.AddAsync(db, comment, cancellationToken);
                if (k % 2 == 0)
                    await NoteComments.AddAsync(db, Comment.ReplyTo(comment, note.AuthorId, Replies[(i + k) % Replies.Length], After(90 + k * 47)), cancellationToken);
                for (var l = 0; l < (i + k) % 4; l++)
                    await CommentLikes.LikeAsync(db, comment.Id, everyone[(i + k + l * 5) % everyone.Count], After(120 + l), cancellationToken);
            }
        }
    }

    /// <summary>Three in four members get a drawn avatar, made by the same job as an uploaded one.</summary>
    private async Task SeedAvatarsAsync(IReadOnlyList<string> members, CancellationToken cancellationToken)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (i % 4 == 3) continue;
            var key = $"originals/avatars/demo-{i}";
            await files.SaveAsync(key, new MemoryStream(DemoPhotos.Jpeg(320, 320, i * 5 + 1)), cancellationToken);
            var user = await db.Users.SingleAsync(u => u.Id == members[i], cancellationToken);
            user.AvatarPendingKey = key;
            await db.SaveChangesAsync(cancellationToken);
            var id = members[i];
            jobs.Enqueue<ProcessAvatarJob>(job => job.RunAsync(id, CancellationToken.None));
        }
    }
}
